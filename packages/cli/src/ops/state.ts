// RP-002 state export: every PIL contract's relevant state at one block per
// chain, as JSON with a sha256 checksum over its canonical form; verification
// re-reads every value at the same block (and checks the block hash: a reorg
// is a difference too).
import { createHash } from 'node:crypto';
import { type Abi, type Address, getAddress, type Hex, keccak256, parseAbi, zeroAddress } from 'viem';
import {
  crossChainProofHubAbi,
  crossDomainNullifierAlgebraAbi,
  executionAgnosticStateCommitmentsAbi,
  pilBaseAbi,
  pilv2OrchestratorAbi,
  policyBoundProofsAbi,
  proofCarryingContainerAbi,
  relayerRegistryAbi,
  verifierRegistryAbi,
} from '../../../sdk/src/abi/generated/index.js';
import { knownRoleNames, roleIdOf } from '../../../sdk/src/actions/access/getRoleHolders.js';
import { IMPLEMENTATION_SLOT } from '../../../sdk/src/actions/shared/prepareUpgrade.js';
import type { ChainContext } from '../context.js';
import { type ContractId, contractIds } from '../contracts.js';

export const STATE_FORMAT = 'pil-state/1';

const accessAbi = parseAbi([
  'event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)',
  'event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
]);
const versionAbi = parseAbi(['function version() view returns (uint256)']);

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export type ChainState = {
  chainId: number;
  name: string;
  block: string;
  blockHash: Hex;
  timestamp: string;
  fromBlock: string;
  contracts: Partial<Record<ContractId, { [k: string]: Json }>>;
};

export type StateFile = {
  format: typeof STATE_FORMAT;
  network: string;
  exportedAt: string;
  chains: ChainState[];
  checksum: string;
};

/** JSON with bigints as decimal strings and object keys sorted (the checksum's input). */
export function canonical(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (typeof v === 'bigint') return v.toString();
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(norm(value));
}

export function checksumOf(file: Omit<StateFile, 'checksum'> | StateFile): string {
  const { checksum: _c, ...content } = file as StateFile;
  return `sha256:${createHash('sha256').update(canonical(content)).digest('hex')}`;
}

const str = (v: unknown): Json => {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(str);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x)]));
  return v as Json;
};

/** Reads the state of every configured PIL contract of `chain` at `block` (events from `fromBlock` up to it). */
export async function readChainState(chain: ChainContext, block: bigint, fromBlock = 0n): Promise<ChainState> {
  const c = chain.client;
  const b = await c.getBlock({ blockNumber: block });
  const read = <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
    c.readContract({ address, abi, functionName, args, blockNumber: block } as never) as Promise<T>;
  const events = (address: Address, abi: Abi, eventName: string) =>
    c.getContractEvents({ address, abi, eventName, fromBlock, toBlock: block } as never) as Promise<
      { args: Record<string, unknown> }[]
    >;
  const contracts: ChainState['contracts'] = {};
  const addr = chain.config.contracts;

  const common = async (id: ContractId, address: Address) => {
    const [slot, code, balance, paused, roles, version] = await Promise.all([
      c.getStorageAt({ address, slot: IMPLEMENTATION_SLOT, blockNumber: block }),
      c.getCode({ address, blockNumber: block }),
      c.getBalance({ address, blockNumber: block }),
      read<boolean>(address, pilBaseAbi, 'isPaused').catch(() => null),
      roleHolders(address),
      read<bigint>(address, versionAbi, 'version').catch(() => null),
    ]);
    const implementation = getAddress(`0x${(slot ?? '0x').slice(-40).padStart(40, '0')}`);
    const implCode = await c.getCode({ address: implementation, blockNumber: block });
    return {
      address,
      implementation,
      implementationCodeHash: keccak256(implCode ?? '0x'),
      proxyCodeHash: keccak256(code ?? '0x'),
      version: version === null ? null : version.toString(),
      balance: balance.toString(),
      paused,
      roles,
      _id: id,
    };
  };

  async function roleHolders(address: Address): Promise<Record<string, string[]>> {
    const [granted, revoked] = await Promise.all([
      events(address, accessAbi as Abi, 'RoleGranted'),
      events(address, accessAbi as Abi, 'RoleRevoked'),
    ]);
    const candidates = new Map<string, Set<string>>();
    for (const e of [...granted, ...revoked]) {
      const role = e.args.role as string;
      if (!candidates.has(role)) candidates.set(role, new Set());
      candidates.get(role)!.add(getAddress(e.args.account as string));
    }
    const names = new Map<string, string>(knownRoleNames.map((n) => [roleIdOf(n), n]));
    const out: Record<string, string[]> = {};
    for (const [role, accounts] of [...candidates].sort(([a], [b]) => a.localeCompare(b))) {
      const holders: string[] = [];
      for (const account of [...accounts].sort()) {
        if (await read<boolean>(address, accessAbi as Abi, 'hasRole', [role, account])) holders.push(account);
      }
      if (holders.length) out[names.get(role) ?? role] = holders;
    }
    return out;
  }

  const tasks: Promise<void>[] = [];
  const put = (id: ContractId, f: (address: Address) => Promise<Record<string, Json>>) => {
    const address = addr[id];
    if (!address) return;
    tasks.push(
      (async () => {
        const [base, specific] = await Promise.all([common(id, address), f(address)]);
        const { _id, ...rest } = base;
        contracts[id] = { ...rest, ...specific };
      })(),
    );
  };

  put('orchestrator', async (a) => {
    const [chainPaused, components] = await Promise.all([
      read<boolean>(a, pilv2OrchestratorAbi, 'chainPaused'),
      read<Record<string, Address>>(a, pilv2OrchestratorAbi, 'components'),
    ]);
    const contractPaused: Record<string, boolean> = {};
    for (const id of contractIds) {
      const t = addr[id];
      if (t && id !== 'orchestrator')
        contractPaused[id] = await read<boolean>(a, pilv2OrchestratorAbi, 'contractPaused', [t]);
    }
    return { chainPaused, contractPaused, components: str(components) };
  });
  put('pc3', async (a) => {
    const [treeSize, currentRoot, localDomainId, dependencies] = await Promise.all([
      read<bigint>(a, proofCarryingContainerAbi, 'treeSize'),
      read<bigint>(a, proofCarryingContainerAbi, 'currentRoot'),
      read<bigint>(a, proofCarryingContainerAbi, 'localDomainId'),
      read<Record<string, Address>>(a, proofCarryingContainerAbi, 'dependencies'),
    ]);
    // The root history a spend may name (protocol §3: the last 128 sizes).
    const sizes: bigint[] = [];
    for (let s = treeSize; s > 0n && treeSize - s < 128n; s--) sizes.push(s);
    const roots = await Promise.all(sizes.map((s) => read<bigint>(a, proofCarryingContainerAbi, 'rootAt', [s])));
    return {
      treeSize: str(treeSize),
      currentRoot: str(currentRoot),
      localDomainId: str(localDomainId),
      dependencies: str(dependencies),
      rootHistory: Object.fromEntries(sizes.map((s, i) => [s.toString(), roots[i]!.toString()])),
    };
  });
  put('cdna', async (a) => {
    const [consumed, imported, domains, localDomainId] = await Promise.all([
      events(a, crossDomainNullifierAlgebraAbi, 'NullifierConsumed'),
      events(a, crossDomainNullifierAlgebraAbi, 'MessageImportRecorded'),
      events(a, crossDomainNullifierAlgebraAbi, 'DomainRegistered'),
      read<bigint>(a, crossDomainNullifierAlgebraAbi, 'localDomainId'),
    ]);
    return {
      nullifierCount: consumed.length,
      importCount: imported.length,
      localDomainId: str(localDomainId),
      domains: domains.map((d) => str({ domainId: d.args.domainId, chainId: d.args.chainId, appId: d.args.appId })),
    };
  });
  put('pbp', async (a) => {
    const registered = await events(a, policyBoundProofsAbi, 'PolicyRegistered');
    const hashes = [...new Set(registered.map((e) => e.args.policyHash as bigint))];
    const policies = await Promise.all(
      hashes.map(async (h) => ({
        policyHash: h,
        ...(await read<Record<string, unknown>>(a, policyBoundProofsAbi, 'getPolicy', [h])),
      })),
    );
    return { policies: policies.map(str) };
  });
  put('easc', async (a) => {
    const registered = await events(a, executionAgnosticStateCommitmentsAbi, 'BackendRegistered');
    const ids = [...new Set(registered.map((e) => e.args.backendId as Hex))];
    const backends = await Promise.all(
      ids.map(async (id) => ({
        backendId: id,
        ...(await read<Record<string, unknown>>(a, executionAgnosticStateCommitmentsAbi, 'getBackend', [id])),
      })),
    );
    const pending = await events(a, executionAgnosticStateCommitmentsAbi, 'CommitmentPending');
    const finalized = await events(a, executionAgnosticStateCommitmentsAbi, 'CommitmentFinalized');
    return {
      container: await read<Address>(a, executionAgnosticStateCommitmentsAbi, 'container'),
      backends: backends.map(str),
      pendingCount: pending.length,
      finalizedCount: finalized.length,
    };
  });
  put('verifierRegistry', async (a) => {
    const set = await events(a, verifierRegistryAbi, 'VerifierSet');
    const ids = [...new Set(set.map((e) => e.args.circuitId as Hex))];
    const circuits = await Promise.all(
      ids.map(async (circuitId) => {
        const current = await read<{ verifier: Address; publicInputs: number; vkHash: Hex }>(
          a,
          verifierRegistryAbi,
          'verifierOf',
          [circuitId],
        );
        const n = await read<bigint>(a, verifierRegistryAbi, 'retiredCount', [circuitId]);
        const retired = [];
        for (let i = 0n; i < n; i++) retired.push(str(await read(a, verifierRegistryAbi, 'retiredAt', [circuitId, i])));
        // The verifier's runtime code travels with the export: snarkjs verifiers have no constructor
        // arguments or immutables, so a recovery deployment can redeploy exactly this code.
        const code = (await c.getCode({ address: current.verifier, blockNumber: block })) ?? '0x';
        return { circuitId, ...(str(current) as object), codeHash: keccak256(code), code, retired };
      }),
    );
    return { circuits: circuits as Json };
  });
  put('proofHub', async (a) => {
    const [outboxCount, outboxRoot, feePool, totalOwed, deps, remotes, accepted, importedMsgs] = await Promise.all([
      read<bigint>(a, crossChainProofHubAbi, 'outboxCount'),
      read<Hex>(a, crossChainProofHubAbi, 'outboxRoot'),
      read<bigint>(a, crossChainProofHubAbi, 'feePool'),
      read<bigint>(a, crossChainProofHubAbi, 'totalOwed'),
      read<readonly Address[]>(a, crossChainProofHubAbi, 'dependencies'),
      events(a, crossChainProofHubAbi, 'RemoteHubSet'),
      events(a, crossChainProofHubAbi, 'CheckpointAccepted'),
      events(a, crossChainProofHubAbi, 'MessageImported'),
    ]);
    const remoteIds = [...new Set(remotes.map((e) => e.args.chainId as bigint))];
    const remoteHubs = Object.fromEntries(
      await Promise.all(
        remoteIds.map(async (id) => [id.toString(), await read<Address>(a, crossChainProofHubAbi, 'remoteHub', [id])]),
      ),
    );
    return {
      outboxCount: str(outboxCount),
      outboxRoot,
      feePool: str(feePool),
      totalOwed: str(totalOwed),
      dependencies: str(deps),
      remoteHubs,
      acceptedCheckpoints: accepted.length,
      importedMessages: importedMsgs.length,
    };
  });
  put('relayerRegistry', async (a) => {
    const r = <T>(fn: string, args: readonly unknown[] = []) => read<T>(a, relayerRegistryAbi, fn, args);
    const [quorum, activeCount, epoch, minStake, unbondingPeriod, slashedBalance, hub, added, staked] =
      await Promise.all([
        r<bigint>('quorum'),
        r<bigint>('activeCount'),
        r<bigint>('epoch'),
        r<bigint>('minStake'),
        r<bigint>('unbondingPeriod'),
        r<bigint>('slashedBalance'),
        r<Address>('hub'),
        events(a, relayerRegistryAbi, 'RelayerAdded'),
        events(a, relayerRegistryAbi, 'Staked'),
      ]);
    const accounts = [...new Set([...added, ...staked].map((e) => getAddress(e.args.relayer as string)))].sort();
    const relayers = await Promise.all(
      accounts.map(async (account) => ({
        account,
        ...(await r<Record<string, unknown>>('getRelayer', [account])),
        active: await r<boolean>('isActive', [account]),
      })),
    );
    return {
      quorum: str(quorum),
      activeCount: str(activeCount),
      epoch: str(epoch),
      minStake: str(minStake),
      unbondingPeriod: str(unbondingPeriod),
      slashedBalance: str(slashedBalance),
      hub,
      relayers: relayers.map(str),
    };
  });
  await Promise.all(tasks);
  const ordered: ChainState['contracts'] = {};
  for (const id of contractIds) if (contracts[id]) ordered[id] = contracts[id];
  return {
    chainId: chain.config.chainId,
    name: chain.config.name,
    block: block.toString(),
    blockHash: b.hash!,
    timestamp: b.timestamp.toString(),
    fromBlock: fromBlock.toString(),
    contracts: ordered,
  };
}

export type Difference = { chainId: number; path: string; exported: unknown; onChain: unknown };

/** Paths where two JSON values differ (deep). */
export function diff(chainId: number, a: unknown, b: unknown, path = ''): Difference[] {
  if (canonical(a) === canonical(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) =>
      diff(chainId, (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((x, i) => diff(chainId, x, b[i], `${path}[${i}]`));
  }
  return [{ chainId, path, exported: a, onChain: b }];
}

export const ZERO = zeroAddress;
