// The runbook's weekly review, read from the chains over the last `days` (by block time):
//   volume    containers created, consumed, exported and imported, per UTC day;
//   gas       mean and max gas per operation (receipts of the latest `sample` of each);
//   errors    reverted transactions to PIL contracts, grouped by their error (the call
//             replayed on the block before, decoded with our ABIs);
//   audit     every admin event of the PIL proxies, the Safe and the timelocks: role
//             changes, upgrades, scheduled/executed/cancelled operations, Safe executions,
//             pauses, policies, verifiers, relayers, recoveries.
// Blocks of the window are found by binary search on timestamps; only the error pattern
// reads every block (its transactions), which is the expensive part on a busy chain.
import { type Abi, type Address, BaseError, decodeEventLog, type Hash, type Hex, type Log } from 'viem';
import { getPilEvents } from '../../../sdk/src/actions/shared/getPilEvents.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { allAbis } from '../governance/abis.js';
import { pilClient } from '../governance/client.js';
import { decodeRevert } from '../governance/decode.js';
import { governanceOf } from '../governance/resolve.js';

export const ADMIN_EVENTS = new Set([
  'RoleGranted',
  'RoleRevoked',
  'RoleAdminChanged',
  'Upgraded',
  'CallScheduled',
  'CallExecuted',
  'Cancelled',
  'MinDelayChange',
  'ExecutionSuccess',
  'ExecutionFailure',
  'AddedOwner',
  'RemovedOwner',
  'ChangedThreshold',
  'ChainPaused',
  'ChainUnpaused',
  'ContractPaused',
  'ContractUnpaused',
  'ComponentsSet',
  'PolicyRegistered',
  'PolicyDeactivated',
  'PolicyReactivated',
  'BackendRegistered',
  'BackendDeactivated',
  'RelayerAdded',
  'RelayerRemoved',
  'QuorumSet',
  'HubSet',
  'RemoteHubSet',
  'DependenciesSet',
  'ContainerSet',
  'VerifierSet',
  'VerifierRetired',
  'FundsRecovered',
  'SlashedFundsRecovered',
]);

const OPERATIONS = [
  { kind: 'create', contract: 'pc3', event: 'ContainerCreated' },
  { kind: 'consume', contract: 'pc3', event: 'ContainerConsumed' },
  { kind: 'export', contract: 'proofHub', event: 'MessageExported' },
  { kind: 'import', contract: 'proofHub', event: 'MessageImported' },
] as const;

type Client = ChainContext['client'];

/** The first block whose timestamp is at or after `t` (seconds), within [lo, hi]. */
export async function blockAtOrAfter(client: Client, t: number, lo: bigint, hi: bigint): Promise<bigint> {
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    const b = await client.getBlock({ blockNumber: mid });
    if (Number(b.timestamp) < t) lo = mid + 1n;
    else hi = mid;
  }
  return lo;
}

const abis: { name: string; abi: Abi }[] = allAbis();

function decode(log: Log): { contract: string; name: string; args: Record<string, unknown> } | undefined {
  for (const { name, abi } of abis) {
    try {
      const d = decodeEventLog({ abi, data: log.data, topics: log.topics, strict: true });
      return { contract: name, name: d.eventName ?? '', args: (d.args ?? {}) as Record<string, unknown> };
    } catch {
      // not this ABI
    }
  }
  return undefined;
}

export type WeeklyChain = {
  chain: string;
  chainId: number;
  fromBlock: bigint;
  toBlock: bigint;
  from: string;
  to: string;
  volume: { day: string; create: number; consume: number; export: number; import: number }[];
  gas: { kind: string; count: number; mean: number; max: number }[];
  errors: { error: string; count: number; example: Hash }[];
  failed: number;
  sent: number;
  audit: { time: string; block: bigint; contract: string; event: string; args: string; tx: Hash }[];
};

const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
const iso = (t: number) => new Date(t * 1000).toISOString();

export async function weeklyChain(
  ctx: NetworkContext,
  chain: ChainContext,
  options: { days: number; sample: number; deploymentBlock: bigint },
): Promise<WeeklyChain> {
  const client = chain.client;
  const head = await client.getBlock({ blockTag: 'latest' });
  const toBlock = head.number!;
  const now = Number(head.timestamp);
  const start = now - options.days * 86_400;
  const fromBlock = await blockAtOrAfter(client, start, options.deploymentBlock, toBlock);
  const fromTime = Number((await client.getBlock({ blockNumber: fromBlock })).timestamp);
  const pil = Object.fromEntries(Object.entries(chain.config.contracts).filter(([, a]) => a)) as Record<
    string,
    Address
  >;

  // Day boundaries as block numbers: events are bucketed by block number, no timestamp each.
  const days: { day: string; first: bigint }[] = [];
  for (let t = Math.floor(fromTime / 86_400) * 86_400; t <= now; t += 86_400) {
    days.push({ day: day(t), first: t <= fromTime ? fromBlock : await blockAtOrAfter(client, t, fromBlock, toBlock) });
  }
  const dayOf = (b: bigint) => [...days].reverse().find((d) => d.first <= b)?.day ?? days[0]!.day;

  const volume = days.map((d) => ({ day: d.day, create: 0, consume: 0, export: 0, import: 0 }));
  const gas: WeeklyChain['gas'] = [];
  const sdk = pilClient(ctx, chain, { fromBlock });
  for (const op of OPERATIONS) {
    if (!pil[op.contract]) continue;
    const mine = await getPilEvents(sdk, { contract: op.contract, eventName: op.event, fromBlock, toBlock });
    for (const l of mine) {
      const v = volume.find((x) => x.day === dayOf(l.blockNumber));
      if (v) v[op.kind]++;
    }
    const sample = mine.slice(-options.sample);
    const used = await Promise.all(
      sample.map(async (l) => Number((await client.getTransactionReceipt({ hash: l.transactionHash })).gasUsed)),
    );
    if (used.length) {
      gas.push({
        kind: op.kind,
        count: mine.length,
        mean: Math.round(used.reduce((a, g) => a + g, 0) / used.length),
        max: Math.max(...used),
      });
    }
  }

  // Error patterns: every PIL transaction of the window; a revert is replayed on the block before.
  const targets = new Set(Object.values(pil).map((a) => a.toLowerCase()));
  const errors = new Map<string, { count: number; example: Hash }>();
  let sent = 0;
  let failed = 0;
  for (let n = fromBlock; n <= toBlock; n++) {
    const block = await client.getBlock({ blockNumber: n, includeTransactions: true });
    for (const tx of block.transactions) {
      if (!tx.to || !targets.has(tx.to.toLowerCase())) continue;
      sent++;
      const receipt = await client.getTransactionReceipt({ hash: tx.hash });
      if (receipt.status === 'success') continue;
      failed++;
      const reason = await client
        .call({ account: tx.from, to: tx.to, data: tx.input, value: tx.value, gas: tx.gas, blockNumber: n - 1n })
        .then(() => 'out of gas or state changed within the block')
        .catch((err: unknown) => decodeRevert(revertData(err)) ?? 'unknown revert');
      const e = errors.get(reason) ?? { count: 0, example: tx.hash };
      e.count++;
      errors.set(reason, e);
    }
  }

  // Audit log: admin events of the PIL proxies and the governance contracts.
  const gov = governanceOf(ctx, chain);
  const watched = [...Object.values(pil), gov.safe, gov.standardTimelock, gov.emergencyTimelock].filter(
    Boolean,
  ) as Address[];
  const logs = await client.getLogs({ address: watched, fromBlock, toBlock });
  const stamps = new Map<bigint, number>();
  const audit: WeeklyChain['audit'] = [];
  for (const l of logs) {
    const d = decode(l);
    if (!d || !ADMIN_EVENTS.has(d.name)) continue;
    if (!stamps.has(l.blockNumber!)) {
      stamps.set(l.blockNumber!, Number((await client.getBlock({ blockNumber: l.blockNumber! })).timestamp));
    }
    audit.push({
      time: iso(stamps.get(l.blockNumber!)!),
      block: l.blockNumber!,
      contract: labelOf(l.address, pil, gov),
      event: d.name,
      args: Object.entries(d.args)
        .map(([k, v]) => `${k}=${typeof v === 'bigint' ? v.toString() : String(v)}`)
        .join(' ')
        .slice(0, 300),
      tx: l.transactionHash!,
    });
  }

  return {
    chain: chain.config.name,
    chainId: chain.config.chainId,
    fromBlock,
    toBlock,
    from: iso(fromTime),
    to: iso(now),
    volume,
    gas,
    errors: [...errors.entries()].map(([error, e]) => ({ error, ...e })).sort((a, b) => b.count - a.count),
    failed,
    sent,
    audit,
  };
}

/** The revert data somewhere in a viem error's cause chain. */
function revertData(err: unknown): Hex | undefined {
  if (!(err instanceof BaseError)) return undefined;
  const found = err.walk((e) => typeof (e as { data?: unknown }).data === 'string') as { data?: Hex } | null;
  return found?.data;
}

function labelOf(address: Address, pil: Record<string, Address>, gov: ReturnType<typeof governanceOf>): string {
  const a = address.toLowerCase();
  const id = Object.entries(pil).find(([, x]) => x.toLowerCase() === a)?.[0];
  if (id) return id;
  if (gov.safe?.toLowerCase() === a) return 'Safe';
  if (gov.standardTimelock?.toLowerCase() === a) return 'standard timelock';
  if (gov.emergencyTimelock?.toLowerCase() === a) return 'emergency timelock';
  return address;
}
