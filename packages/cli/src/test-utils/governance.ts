// Devnet fixtures for tests that need governance: a whole devnet (two anvil
// chains, PIL deployed, the Safe and timelocks in charge) started in process
// on free ports, the CLI run against it, chain time travel, and acting *as*
// the Safe or a timelock through anvil_impersonateAccount (for tests that need
// an admin action without going through the Safe/timelock flow, e.g. to
// deactivate a policy or remove a relayer in an SDK e2e test).
//
//   const net = useDevnet();                       // one devnet per suite
//   await net().cli(['pause', '--json']);           // pil ... --network devnet
//   await asGovernance(net().chains[0], 'safe', async (client) => removeRelayer(client, { relayer }));
//   await net().warp(6 * 3600);
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type Address,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  type PublicClient,
  parseEther,
  type TestClient,
  type Transport,
} from 'viem';
import { afterAll, beforeAll } from 'vitest';
import { createPilBaseClient, type PilClient } from '../../../sdk/src/clients/createPilClient.js';
import { repoRoot } from '../context.js';
import type { Deployment } from '../deployments/schema.js';
import { type Devnet, startDevnet } from '../devnet/up.js';
import { createLogger } from '../logger.js';
import { type CliResult, runCli } from './run.js';

export type DevnetChainFixture = {
  chainId: number;
  rpcUrl: string;
  deployment: Deployment;
  chain: Chain;
  client: PublicClient<Transport, Chain>;
  testClient: TestClient<'anvil', Transport, Chain>;
  /** The governance addresses of this chain (Safe, timelocks, owners). */
  governance: NonNullable<Deployment['governance']>;
};

export type DevnetFixture = {
  stateDir: string;
  devnet: Devnet;
  chains: DevnetChainFixture[];
  /** Runs `pil <argv> --network devnet` in process against this devnet. */
  cli(argv: string[], env?: Record<string, string>): Promise<CliResult>;
  /** Moves every chain's time forward by `seconds` and mines a block. */
  warp(seconds: number): Promise<void>;
  stop(): Promise<void>;
};

export async function startTestDevnet(options: { chainIds?: number[] } = {}): Promise<DevnetFixture> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'pil-devnet-'));
  const devnet = await startDevnet({
    chainIds: options.chainIds ?? [31337, 31338],
    repoRoot,
    stateDir,
    logger: createLogger({ json: false, level: 'warn' }),
  });
  const chains = devnet.chains.map((c): DevnetChainFixture => {
    const chain = defineChain({
      id: c.anvil.chainId,
      name: `devnet-${c.anvil.chainId}`,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [c.anvil.rpcUrl] } },
    });
    const transport = http(c.anvil.rpcUrl);
    if (!c.deployment.governance) throw new Error(`devnet chain ${c.anvil.chainId} has no governance`);
    return {
      chainId: c.anvil.chainId,
      rpcUrl: c.anvil.rpcUrl,
      deployment: c.deployment,
      chain,
      client: createPublicClient({ chain, transport, pollingInterval: 25 }),
      testClient: createTestClient({ chain, transport, mode: 'anvil', pollingInterval: 25 }),
      governance: c.deployment.governance,
    };
  });
  return {
    stateDir,
    devnet,
    chains,
    cli: (argv, env = {}) => runCli([...argv, '--network', 'devnet'], { env: { PIL_STATE_DIR: stateDir, ...env } }),
    warp: async (seconds) => {
      await Promise.all(
        chains.map(async (c) => {
          await c.testClient.increaseTime({ seconds });
          await c.testClient.mine({ blocks: 1 });
        }),
      );
    },
    stop: () => devnet.stop(),
  };
}

/** One devnet for the whole suite (started before its tests, stopped after them). */
export function useDevnet(options: { chainIds?: number[] } = {}): () => DevnetFixture {
  let fixture: DevnetFixture | undefined;
  beforeAll(async () => {
    fixture = await startTestDevnet(options);
  }, 120_000);
  afterAll(async () => {
    await fixture?.stop();
  });
  return () => {
    if (!fixture) throw new Error('useDevnet(): the devnet is not started yet (use it inside a test)');
    return fixture;
  };
}

export type GovernanceRole = 'safe' | 'standardTimelock' | 'emergencyTimelock';

/**
 * Runs `fn` with an SDK client whose account is the Safe or a timelock itself
 * (anvil_impersonateAccount; funded for gas), then stops impersonating. Only
 * for tests: production goes through the Safe/timelock flows.
 *
 *   await asGovernance(chain, 'standardTimelock', (c) => deactivatePolicy(c, { policyHash }));
 *   await asGovernance(chain, 'safe', (c) => removeRelayer(c, { relayer }));
 */
export async function asGovernance<T>(
  chain: DevnetChainFixture,
  who: GovernanceRole,
  fn: (client: PilClient, account: Address) => Promise<T>,
): Promise<T> {
  const account = chain.governance[who] as Address;
  await chain.testClient.impersonateAccount({ address: account });
  await chain.testClient.setBalance({ address: account, value: parseEther('100') });
  try {
    const walletClient = createWalletClient({
      account,
      chain: chain.chain,
      transport: http(chain.rpcUrl),
      pollingInterval: 25,
    });
    const addresses = Object.fromEntries(Object.entries(chain.deployment.contracts).map(([id, c]) => [id, c!.proxy]));
    const client = createPilBaseClient({
      publicClient: chain.client,
      walletClient: walletClient as never,
      addresses,
      fromBlock: BigInt(chain.deployment.deploymentBlock),
      pollingInterval: 25,
    });
    return await fn(client, account);
  } finally {
    await chain.testClient.stopImpersonatingAccount({ address: account });
  }
}
