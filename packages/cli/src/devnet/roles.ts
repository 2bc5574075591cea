// Reads who holds which role, from the chain: every `*_ROLE()` constant of a
// contract's ABI, checked with `hasRole` against a list of candidate accounts.
import type { Abi, AbiFunction, Address, Chain, Hex, PublicClient, Transport } from 'viem';

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

export async function readRoleHolders(
  client: PublicClient<Transport, Chain>,
  contract: Address,
  abi: Abi,
  candidates: Address[],
): Promise<Record<string, Address[]>> {
  if (!abi.some((i) => i.type === 'function' && i.name === 'hasRole')) return {};
  const holders: Record<string, Address[]> = {};
  for (const name of roleConstants(abi)) {
    const role = (await client.readContract({ address: contract, abi, functionName: name })) as Hex;
    const checks = await Promise.all(
      candidates.map((account) =>
        client.readContract({ address: contract, abi: hasRoleAbi, functionName: 'hasRole', args: [role, account] }),
      ),
    );
    holders[name] = candidates.filter((_, i) => checks[i]);
  }
  return holders;
}
