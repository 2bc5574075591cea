import { type Address, type Hex, keccak256, parseAbi, toBytes, zeroHash } from 'viem';
import type { PilClient } from '../../clients/createPilClient.js';
import type { TransportError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';

const accessControlAbi = parseAbi([
  'event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)',
  'event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
]);

/** Role names PIL and OpenZeppelin's TimelockController use (protocol §8). */
export const knownRoleNames = [
  'DEFAULT_ADMIN_ROLE',
  'UPGRADER_ROLE',
  'VERIFIER_ADMIN_ROLE',
  'POLICY_ADMIN_ROLE',
  'RECOVERY_ROLE',
  'GUARDIAN_ROLE',
  'UNPAUSER_ROLE',
  'RELAYER_ADMIN_ROLE',
  'PROPOSER_ROLE',
  'CANCELLER_ROLE',
  'EXECUTOR_ROLE',
] as const;

export function roleIdOf(name: string): Hex {
  return name === 'DEFAULT_ADMIN_ROLE' ? zeroHash : keccak256(toBytes(name));
}

const nameById = new Map<string, string>(knownRoleNames.map((n) => [roleIdOf(n), n]));

export type GetRoleHoldersParameters = { address: Address; fromBlock?: bigint | undefined };
/** Role name (or id, when unknown) → current holders. */
export type GetRoleHoldersReturnType = Record<string, Address[]>;
export type GetRoleHoldersErrorType = TransportError;

/**
 * Every current holder of every role of an AccessControl contract (PIL contracts,
 * timelocks): replays `RoleGranted`/`RoleRevoked` from `fromBlock` and confirms each
 * holder with `hasRole` at the latest block.
 */
export async function getRoleHolders(
  client: PilClient,
  parameters: GetRoleHoldersParameters,
): Promise<GetRoleHoldersReturnType> {
  const { address } = parameters;
  const fromBlock = parameters.fromBlock ?? client.fromBlock;
  try {
    const [granted, revoked] = await Promise.all([
      client.public.getContractEvents({
        address,
        abi: accessControlAbi,
        eventName: 'RoleGranted',
        fromBlock,
        toBlock: 'latest',
      }),
      client.public.getContractEvents({
        address,
        abi: accessControlAbi,
        eventName: 'RoleRevoked',
        fromBlock,
        toBlock: 'latest',
      }),
    ]);
    const logs = [...granted, ...revoked].sort((a, b) =>
      a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : Number(a.blockNumber - b.blockNumber),
    );
    const holders = new Map<Hex, Set<Address>>();
    for (const log of logs) {
      const { role, account } = log.args as { role: Hex; account: Address };
      const set = holders.get(role) ?? new Set<Address>();
      if (log.eventName === 'RoleGranted') set.add(account);
      else set.delete(account);
      holders.set(role, set);
    }
    const out: GetRoleHoldersReturnType = {};
    for (const [role, set] of holders) {
      const accounts = [...set];
      const checks = await Promise.all(
        accounts.map((account) =>
          client.public.readContract({
            address,
            abi: accessControlAbi,
            functionName: 'hasRole',
            args: [role, account],
          }),
        ),
      );
      const current = accounts.filter((_, i) => checks[i]);
      if (current.length) out[nameById.get(role) ?? role] = current;
    }
    return out;
  } catch (err) {
    throw mapError(err, { contractAddress: address, action: `role holders of ${address} on chain ${client.chainId}` });
  }
}
