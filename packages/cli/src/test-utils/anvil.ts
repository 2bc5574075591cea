// Chain fixture for tests: an anvil on a free loopback port, with viem clients,
// stopped by `stop()` (or automatically with `useAnvil()` in a vitest suite).
//
//   const chain = await startTestChain({ chainId: 31337 });
//   await chain.client.getBlockNumber();
//   await chain.stop();
//
//   describe('x', () => { const chain = useAnvil(); it('...', () => chain().client...) });

import {
  type Account,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  type PublicClient,
  type TestClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll } from 'vitest';
import { type Anvil, type AnvilOptions, startAnvil } from '../chain/anvil.js';
import { devnetDeployerKey } from '../devnet/accounts.js';

export type TestChain = Anvil & {
  chain: Chain;
  client: PublicClient<Transport, Chain>;
  /** Signs with anvil's funded account 0. */
  wallet: WalletClient<Transport, Chain, Account>;
  /** anvil_* / evm_* methods (snapshot, revert, mine, setBalance). */
  testClient: TestClient<'anvil', Transport, Chain>;
};

export async function startTestChain(options: Partial<AnvilOptions> = {}): Promise<TestChain> {
  const anvil = await startAnvil({ chainId: 31337, ...options });
  const chain = defineChain({
    id: anvil.chainId,
    name: `anvil-${anvil.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [anvil.rpcUrl] } },
  });
  const transport = http(anvil.rpcUrl);
  return {
    ...anvil,
    chain,
    client: createPublicClient({ chain, transport, pollingInterval: 25 }),
    wallet: createWalletClient({
      chain,
      transport,
      account: privateKeyToAccount(devnetDeployerKey),
      pollingInterval: 25,
    }),
    testClient: createTestClient({ chain, transport, mode: 'anvil', pollingInterval: 25 }),
  };
}

/** Starts one chain before the suite's tests and stops it after them. */
export function useAnvil(options: Partial<AnvilOptions> = {}): () => TestChain {
  let chain: TestChain | undefined;
  beforeAll(async () => {
    chain = await startTestChain(options);
  });
  afterAll(async () => {
    await chain?.stop();
  });
  return () => {
    if (!chain) throw new Error('useAnvil(): the chain is not started yet (use it inside a test)');
    return chain;
  };
}
