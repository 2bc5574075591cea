// PoseidonT3 at its documented deterministic address, deployed the way
// poseidon-solidity documents it: the keyless deterministic-deployment proxy
// (Nick's method: fund `proxy.from`, send the presigned `proxy.tx`), then the
// library's `data` sent to the proxy. The shipped bytecode (~18,700 gas a hash)
// is cheaper than our own build of the same source, and its address is the
// same on every chain.
import { createRequire } from 'node:module';
import type { Account, Address, Chain, Hex, PublicClient, Transport, WalletClient } from 'viem';
import { DeploymentError } from '../errors.js';

type PoseidonPackage = {
  proxy: { from: Address; gas: string; tx: Hex; address: Address };
  PoseidonT3: { address: Address; data: Hex };
};

const require = createRequire(import.meta.url);

export function poseidonPackage(): PoseidonPackage {
  return require('poseidon-solidity') as PoseidonPackage;
}

async function hasCode(client: PublicClient<Transport, Chain>, address: Address): Promise<boolean> {
  const code = await client.getCode({ address });
  return code !== undefined && code !== '0x';
}

/** Ensures PoseidonT3 exists on the chain and returns its address. Idempotent. */
export async function ensurePoseidonT3(
  client: PublicClient<Transport, Chain>,
  wallet: WalletClient<Transport, Chain, Account>,
): Promise<Address> {
  const { proxy, PoseidonT3 } = poseidonPackage();
  if (await hasCode(client, PoseidonT3.address)) return PoseidonT3.address;
  // anvil ships the same proxy at the same address; other chains may not.
  if (!(await hasCode(client, proxy.address))) {
    const fund = await wallet.sendTransaction({ to: proxy.from, value: BigInt(proxy.gas) });
    await client.waitForTransactionReceipt({ hash: fund });
    const hash = await client.sendRawTransaction({ serializedTransaction: proxy.tx });
    await client.waitForTransactionReceipt({ hash });
  }
  const hash = await wallet.sendTransaction({ to: proxy.address, data: PoseidonT3.data, gas: 6_000_000n });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !(await hasCode(client, PoseidonT3.address))) {
    throw new DeploymentError('PoseidonT3 deployment through the deterministic proxy failed', {
      details: `transaction ${hash}`,
    });
  }
  return PoseidonT3.address;
}
