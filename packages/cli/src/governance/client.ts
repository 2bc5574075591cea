// An SDK client (`PilClient`) for one chain of the CLI's network context, so
// that contract calls go through @pil/sdk actions.
import { createPilBaseClient, type PilClient } from '../../../sdk/src/clients/createPilClient.js';
import type { ChainContext, NetworkContext } from '../context.js';

const cache = new WeakMap<ChainContext, { read?: PilClient; write?: PilClient }>();

/** Reads (and simulations) only; `write` adds the context's wallet (devnet deployer, or PRIVATE_KEY). */
export function pilClient(
  ctx: NetworkContext,
  chain: ChainContext,
  options: { write?: boolean; fromBlock?: bigint } = {},
): PilClient {
  const entry = cache.get(chain) ?? {};
  cache.set(chain, entry);
  const key = options.write ? 'write' : 'read';
  if (entry[key] && options.fromBlock === undefined) return entry[key];
  const client = createPilBaseClient({
    publicClient: chain.client,
    ...(options.write ? { walletClient: ctx.wallet(chain) } : {}),
    addresses: chain.config.contracts,
    fromBlock: options.fromBlock ?? 0n,
    pollingInterval: 25,
  });
  if (options.fromBlock === undefined) entry[key] = client;
  return client;
}
