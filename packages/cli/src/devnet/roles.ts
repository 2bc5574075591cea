// Reads who holds which role, from the chain: every `*_ROLE()` constant of a
// contract's ABI, checked with `hasRole` against a list of candidate accounts.
import {
  type Abi,
  type AbiFunction,
  type Address,
  type Chain,
  type Hex,
  keccak256,
  type PublicClient,
  type Transport,
  toBytes,
} from 'viem';

export const roleId = (name: string): Hex =>
  name === 'DEFAULT_ADMIN_ROLE' ? `0x${'00'.repeat(32)}` : keccak256(toBytes(name));

const hasRoleAbi = [
  {
    type: 'function',
    name: 'hasRole',
    stateMutability: 'view',
    inputs: [
      { name: 'role', type: 'bytes32' },
      { name: 'account', type: 'address' },
    ],
    outputs: [{ name: '', type: 'bool' }],
  },
] as const;

export function roleConstants(abi: Abi): string[] {
  return abi
    .filter(
      (i): i is AbiFunction =>
        i.type === 'function' &&
        /_ROLE$/.test(i.name) &&
        i.inputs.length === 0 &&
        i.outputs.length === 1 &&
        i.outputs[0]?.type === 'bytes32',
    )
    .map((f) => f.name);
}

/** Role names: the given ones plus every `*_ROLE()` getter of the ABI. */
export async function readRoleHolders(
  client: PublicClient<Transport, Chain>,
  contract: Address,
  abi: Abi,
  candidates: Address[],
  knownRoles: readonly string[] = [],
): Promise<Record<string, Address[]>> {
  if (!abi.some((i) => i.type === 'function' && i.name === 'hasRole')) return {};
  const holders: Record<string, Address[]> = {};
  const getters = new Set(roleConstants(abi));
  for (const name of [...new Set(['DEFAULT_ADMIN_ROLE', ...knownRoles, ...getters])]) {
    const role = getters.has(name)
      ? ((await client.readContract({ address: contract, abi, functionName: name })) as Hex)
      : roleId(name);
    const checks = await Promise.all(
      candidates.map((account) =>
        client.readContract({ address: contract, abi: hasRoleAbi, functionName: 'hasRole', args: [role, account] }),
      ),
    );
    const held = candidates.filter((_, i) => checks[i]);
    if (held.length) holders[name] = held;
  }
  return holders;
}
