// The devnet as a library for end-to-end tests: two anvil chains on free ports with
// every PIL contract deployed and wired (packages/cli/src/devnet/up.ts), SDK clients
// for a user account, and the one place where tests act as a governance role holder
// (anvil_impersonateAccount on the holder read back into the deployments file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Address, createTestClient, createWalletClient, http, parseEther } from 'viem';
import { type HDAccount, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { DEVNET_MNEMONIC, devnetRelayerKeys } from '../../packages/cli/src/devnet/accounts.js';
import { startDevnet } from '../../packages/cli/src/devnet/up.js';
import { createLogger } from '../../packages/cli/src/logger.js';
import {
  createPilClient,
  type PilClient,
  type PilClientWithActions,
  type PilContractId,
  type PilDeployment,
  parseDeployment,
} from '../../packages/sdk/src/index.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export type E2eChain = {
  chainId: number;
  rpcUrl: string;
  deployment: PilDeployment;
  /** Signs with a plain user account (not a deployer, relayer or role holder). */
  pil: PilClientWithActions;
};

export type E2eDevnet = {
  chains: [E2eChain, E2eChain];
  user: HDAccount;
  relayers: ReturnType<typeof privateKeyToAccount>[];
  deploymentsDir: string;
  stop(): Promise<void>;
};

export async function startE2eDevnet(): Promise<E2eDevnet> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'pil-e2e-'));
  const devnet = await startDevnet({
    chainIds: [31337, 31338],
    repoRoot,
    stateDir,
    logger: createLogger({ json: true, level: 'silent' }),
  });
  const user = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: 7 });
  const chains = devnet.chains.map((c) => {
    const deployment = parseDeployment(JSON.parse(JSON.stringify(c.deployment)), c.deploymentFile);
    return {
      chainId: c.anvil.chainId,
      rpcUrl: c.anvil.rpcUrl,
      deployment,
      pil: createPilClient({ deployment, account: user, pollingInterval: 25 }),
    };
  }) as [E2eChain, E2eChain];
  return {
    chains,
    user,
    relayers: devnetRelayerKeys.map((k) => privateKeyToAccount(k)),
    deploymentsDir: path.join(stateDir, 'deployments'),
    async stop() {
      await devnet.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/**
 * A client of `chain` that sends as the holder of `role` on `contract` (the Safe or a
 * timelock on the devnet), by impersonating it on anvil. Governance itself (Safe
 * signatures, timelock delays) is tested with the governance commands; here it is only
 * the means to put the system into a state (a policy deactivated, a relayer removed).
 */
export async function asRoleHolder(chain: E2eChain, contract: PilContractId, role: string): Promise<PilClient> {
  const holder: Address | undefined = chain.deployment.roles[contract]?.[role]?.[0];
  if (!holder) throw new Error(`no holder of ${role} on ${contract} in the deployments file`);
  const test = createTestClient({ mode: 'anvil', transport: http(chain.rpcUrl) });
  await test.impersonateAccount({ address: holder });
  await test.setBalance({ address: holder, value: parseEther('10') });
  const walletClient = createWalletClient({
    chain: chain.pil.public.chain,
    transport: http(chain.rpcUrl),
    account: holder,
  });
  return createPilClient({
    deployment: chain.deployment,
    publicClient: chain.pil.public,
    walletClient: walletClient as never,
  });
}
