// Read-only inspection of a chain for `pil roles`, `pil health`, `pil balances`
// and `pil security-check`: role holders (from RoleGranted/RoleRevoked), who
// they are (EOA or contract, and which), the governance contracts' own
// configuration, implementations, pause flags and ETH balances.
import { type Address, formatEther, getAddress, type Hex, keccak256, parseAbi, zeroAddress } from 'viem';
import { getRoleHolders } from '../../../sdk/src/actions/access/getRoleHolders.js';
import { getPauseState } from '../../../sdk/src/actions/orchestrator/getPauseState.js';
import { getRelayerSet } from '../../../sdk/src/actions/relayerRegistry/getRelayerSet.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { type ContractId, contractIds, contractInfo } from '../contracts.js';
import { timelockAbi } from './abis.js';
import { pilClient } from './client.js';
import { type Holder, type PilRole, pilRoles, roleHolders } from './layout.js';
import { type Governance, governanceOf, labelsFor } from './resolve.js';
import { safeState } from './safe.js';

/** Roles whose holder can change the protocol: every role of protocol §8 and a timelock's proposer, canceller and admin. */
export const ADMIN_ROLES = new Set<string>([...pilRoles, 'PROPOSER_ROLE', 'CANCELLER_ROLE']);

export type HolderInfo = { address: Address; label: string; kind: 'EOA' | 'contract' | 'open' };
export type RoleEntry = { contract: string; address: Address; role: string; holders: HolderInfo[] };
export type Finding = { severity: 'critical' | 'warning'; message: string };

async function classify(
  chain: ChainContext,
  address: Address,
  labels: (a: Address) => string | undefined,
): Promise<HolderInfo> {
  if (address === zeroAddress) return { address, label: 'anyone (open role)', kind: 'open' };
  const code = await chain.client.getCode({ address });
  const kind = code && code !== '0x' ? 'contract' : 'EOA';
  return { address, label: labels(address) ?? (kind === 'EOA' ? 'EOA' : 'unknown contract'), kind };
}

export type RolesReport = {
  chain: string;
  chainId: number;
  entries: RoleEntry[];
  safe: { address: Address; owners: Address[]; threshold: number };
  findings: Finding[];
};

/** Every holder of every role on every PIL contract and both timelocks, with findings against the layout of ADR 0008. */
export async function rolesReport(ctx: NetworkContext, chain: ChainContext, fromBlock?: bigint): Promise<RolesReport> {
  const gov = governanceOf(ctx, chain);
  const labels = labelsFor(chain);
  const client = pilClient(ctx, chain);
  const targets: { contract: string; address: Address; timelock?: 'standardTimelock' | 'emergencyTimelock' }[] = [
    ...contractIds
      .filter((id) => chain.config.contracts[id])
      .map((id) => ({ contract: contractInfo[id].artifact, address: chain.config.contracts[id]! })),
    { contract: 'StandardTimelock', address: gov.standardTimelock as Address, timelock: 'standardTimelock' },
    { contract: 'EmergencyTimelock', address: gov.emergencyTimelock as Address, timelock: 'emergencyTimelock' },
  ];
  const findings: Finding[] = [];
  const cache = new Map<string, Promise<HolderInfo>>();
  const info = (a: Address) => {
    const key = a.toLowerCase();
    if (!cache.has(key)) cache.set(key, classify(chain, a, labels));
    return cache.get(key)!;
  };
  const entries: RoleEntry[] = [];
  await Promise.all(
    targets.map(async (t) => {
      const held = await getRoleHolders(client, {
        address: t.address,
        ...(fromBlock === undefined ? {} : { fromBlock }),
      });
      for (const [role, accounts] of Object.entries(held)) {
        const holders = await Promise.all(accounts.map(info));
        entries.push({ contract: t.contract, address: t.address, role, holders });
        for (const h of holders) {
          if (h.kind === 'EOA' && ADMIN_ROLES.has(role)) {
            findings.push({
              severity: 'critical',
              message: `EOA ${h.address} holds ${role} on ${t.contract} (${t.address})`,
            });
          }
        }
        const expected = expectedHolders(gov, role, t.timelock);
        if (expected) {
          for (const h of holders) {
            if (!expected.some((e) => e.toLowerCase() === h.address.toLowerCase())) {
              findings.push({
                severity: h.kind === 'EOA' ? 'critical' : 'warning',
                message: `${role} on ${t.contract} is held by ${h.label} ${h.address}, not by ${expected.map((e) => labels(e) ?? e).join(' or ')}`,
              });
            }
          }
        }
      }
      if (!t.timelock) {
        for (const role of pilRoles) {
          if (!held[role]?.length)
            findings.push({ severity: 'warning', message: `nobody holds ${role} on ${t.contract}` });
        }
      }
    }),
  );
  const safe = await safeState(chain, gov.safe as Address);
  if (safe.threshold < 2)
    findings.push({
      severity: 'critical',
      message: `Safe ${gov.safe} has threshold ${safe.threshold}: one key can act alone`,
    });
  entries.sort((a, b) => a.contract.localeCompare(b.contract) || a.role.localeCompare(b.role));
  return {
    chain: chain.config.name,
    chainId: chain.config.chainId,
    entries,
    safe: { address: gov.safe as Address, ...safe },
    findings,
  };
}

function expectedHolders(
  gov: Governance,
  role: string,
  timelock?: 'standardTimelock' | 'emergencyTimelock',
): Address[] | undefined {
  if (timelock) {
    if (role === 'PROPOSER_ROLE' || role === 'CANCELLER_ROLE') return [gov.safe as Address];
    if (role === 'DEFAULT_ADMIN_ROLE') return [gov[timelock] as Address];
    if (role === 'EXECUTOR_ROLE') return [zeroAddress, gov.safe as Address];
    return undefined;
  }
  const holder = roleHolders[role as PilRole] as Holder | undefined;
  return holder ? [gov[holder] as Address] : undefined;
}

// --- health ------------------------------------------------------------------

const IMPLEMENTATION_SLOT: Hex = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';
const pausableAbi = parseAbi(['function isPaused() view returns (bool)']);

export type ContractHealth = {
  id: ContractId;
  contract: string;
  proxy: Address;
  implementation: Address;
  implementationCodeHash: Hex;
  paused: boolean;
  /** From the deployments file, when there is one (devnet): the implementation deployed then. */
  deployedImplementation?: Address;
  implementationChanged?: boolean;
};

export async function contractsHealth(chain: ChainContext, deployed?: Record<string, { implementation: string }>) {
  return Promise.all(
    contractIds
      .filter((id) => chain.config.contracts[id])
      .map(async (id): Promise<ContractHealth> => {
        const proxy = chain.config.contracts[id]!;
        const [slot, paused] = await Promise.all([
          chain.client.getStorageAt({ address: proxy, slot: IMPLEMENTATION_SLOT }),
          chain.client.readContract({ address: proxy, abi: pausableAbi, functionName: 'isPaused' }),
        ]);
        const implementation = getAddress(`0x${(slot ?? '0x').slice(-40).padStart(40, '0')}`);
        const code = await chain.client.getCode({ address: implementation });
        const before = deployed?.[id]?.implementation as Address | undefined;
        return {
          id,
          contract: contractInfo[id].artifact,
          proxy,
          implementation,
          implementationCodeHash: keccak256(code ?? '0x'),
          paused,
          ...(before
            ? {
                deployedImplementation: before,
                implementationChanged: before.toLowerCase() !== implementation.toLowerCase(),
              }
            : {}),
        };
      }),
  );
}

/** `pil health` of one chain: contracts, relayer set, governance and role findings. */
export async function chainHealth(
  ctx: NetworkContext,
  chain: ChainContext,
  deployment?: { version?: string | undefined; contracts?: Record<string, { implementation: string }> | undefined },
) {
  const gov = governanceOf(ctx, chain);
  const [block, contracts, relayers, safe, delays, roles] = await Promise.all([
    chain.client.getBlock({ blockTag: 'latest' }),
    contractsHealth(chain, deployment?.contracts),
    chain.config.contracts.relayerRegistry ? getRelayerSet(pilClient(ctx, chain)) : undefined,
    safeState(chain, gov.safe as Address),
    timelockDelays(ctx, chain),
    rolesReport(ctx, chain),
  ]);
  return {
    chain: chain.config.name,
    chainId: chain.config.chainId,
    block: block.number,
    chainTime: Number(block.timestamp),
    version: deployment?.version,
    paused: contracts.some((c) => c.paused),
    contracts,
    relayers: relayers && {
      quorum: relayers.quorum,
      active: relayers.activeCount,
      epoch: relayers.epoch,
      belowQuorum: relayers.activeCount < relayers.quorum,
    },
    governance: {
      safe: gov.safe,
      owners: safe.owners,
      threshold: safe.threshold,
      standardTimelock: gov.standardTimelock,
      standardDelay: delays.standard,
      emergencyTimelock: gov.emergencyTimelock,
      emergencyDelay: delays.emergency,
    },
    findings: roles.findings,
  };
}

export type ChainHealth = Awaited<ReturnType<typeof chainHealth>>;

/** What makes `pil health` fail: critical role findings and a relayer set below its quorum. */
export function healthCriticals(c: ChainHealth): string[] {
  return [
    ...c.findings.filter((f) => f.severity === 'critical').map((f) => `${c.chain}: ${f.message}`),
    ...(c.relayers?.belowQuorum ? [`${c.chain}: fewer active relayers than the quorum`] : []),
  ];
}

export async function timelockDelays(ctx: NetworkContext, chain: ChainContext) {
  const gov = governanceOf(ctx, chain);
  const [standard, emergency] = await Promise.all(
    [gov.standardTimelock, gov.emergencyTimelock].map((address) =>
      chain.client.readContract({ address: address as Address, abi: timelockAbi, functionName: 'getMinDelay' }),
    ),
  );
  return { standard: standard!, emergency: emergency! };
}

// --- balances ----------------------------------------------------------------

/** The runbook's contract-balance thresholds (ETH): warning below 1, critical below 0.1. */
export const BALANCE_WARNING = 10n ** 18n;
export const BALANCE_CRITICAL = 10n ** 17n;

export type BalanceLevel = 'ok' | 'warning' | 'critical' | 'info';
export type BalanceEntry = {
  kind: 'relayer' | 'contract' | 'governance';
  name: string;
  address: Address;
  wei: bigint;
  eth: string;
  level: BalanceLevel;
  note?: string;
};

export function levelOf(wei: bigint): BalanceLevel {
  return wei < BALANCE_CRITICAL ? 'critical' : wei < BALANCE_WARNING ? 'warning' : 'ok';
}

/**
 * Relayer accounts (gas) and the hub's fee pool (relayer reimbursement) are held
 * to the thresholds; the relayer registry's balance is stake and the
 * governance contracts need none, so they are shown for information.
 */
export async function balancesReport(ctx: NetworkContext, chain: ChainContext) {
  const client = pilClient(ctx, chain);
  const entries: BalanceEntry[] = [];
  const bal = (address: Address) => chain.client.getBalance({ address });
  const set = chain.config.contracts.relayerRegistry ? await getRelayerSet(client) : undefined;
  for (const r of set?.relayers.filter((x) => x.admitted) ?? []) {
    const wei = await bal(r.address);
    entries.push({
      kind: 'relayer',
      name: `relayer${r.active ? '' : ' (inactive)'}`,
      address: r.address,
      wei,
      eth: formatEther(wei),
      level: levelOf(wei),
    });
  }
  for (const id of contractIds) {
    const address = chain.config.contracts[id];
    if (!address) continue;
    const wei = await bal(address);
    const held = id === 'proofHub';
    entries.push({
      kind: 'contract',
      name: contractInfo[id].artifact,
      address,
      wei,
      eth: formatEther(wei),
      level: held ? levelOf(wei) : 'info',
      ...(id === 'proofHub'
        ? { note: 'fee pool (pays relayers)' }
        : id === 'relayerRegistry'
          ? { note: 'relayer stakes' }
          : {}),
    });
  }
  return { chain: chain.config.name, chainId: chain.config.chainId, entries };
}

export type BalancesReport = Awaited<ReturnType<typeof balancesReport>>;

export async function pauseSummary(ctx: NetworkContext, chain: ChainContext) {
  return getPauseState(pilClient(ctx, chain));
}
