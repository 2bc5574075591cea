/**
 * Test and benchmark harness: a devnet (two anvil chains, PIL deployed with the
 * Safe/timelocks and the three devnet relayers staked, packages/cli/src/devnet) and
 * real relayer processes (bin/pil-relayer.mjs) with their own data dirs, free ports,
 * and stdin pipes so they die with the test process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestClient, createWalletClient, type Hex, http } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { DEVNET_MNEMONIC, devnetRelayerKeys } from '../../../../packages/cli/src/devnet/accounts.js';
import { type Devnet, startDevnet } from '../../../../packages/cli/src/devnet/up.js';
import { createLogger } from '../../../../packages/cli/src/logger.js';
import {
  createPilBaseClient,
  createPilClient,
  type PilClient,
  type PilClientWithActions,
  type PilDeployment,
  parseDeployment,
} from '../../../../packages/sdk/src/index.js';
import type { RelayerConfigInput } from '../config/schema.js';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const relayerBin = fileURLToPath(new URL('../../bin/pil-relayer.mjs', import.meta.url));

export type HarnessChain = { chainId: number; rpcUrl: string; deployment: PilDeployment; pil: PilClientWithActions };

export type Harness = {
  dir: string;
  devnet: Devnet;
  chains: HarnessChain[];
  stop(): Promise<void>;
};

export async function startHarness(options: { blockTime?: number; userIndex?: number } = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pil-relayer-'));
  const devnet = await startDevnet({
    chainIds: [31337, 31338],
    repoRoot,
    stateDir: dir,
    logger: createLogger({ json: true, level: 'silent' }),
    ...(options.blockTime ? { blockTime: options.blockTime } : {}),
  });
  const user = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: options.userIndex ?? 7 });
  const chains = devnet.chains.map((c) => {
    const deployment = parseDeployment(JSON.parse(JSON.stringify(c.deployment)), c.deploymentFile);
    return {
      chainId: c.anvil.chainId,
      rpcUrl: c.anvil.rpcUrl,
      deployment,
      pil: createPilClient({ deployment, account: user, pollingInterval: 25 }),
    };
  });
  return {
    dir,
    devnet,
    chains,
    async stop() {
      await devnet.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The relayer config for a set of devnet chains (optionally with other RPC URLs, e.g. a fault proxy). */
export function relayerConfigFor(
  chains: { chainId: number; rpcUrl: string; deployment: PilDeployment }[],
  options: {
    dataDir: string;
    name: string;
    rpcUrls?: Record<number, string[]>;
    confirmations?: number;
    overrides?: Partial<RelayerConfigInput>;
    chainOverrides?: Record<string, unknown>;
  },
): RelayerConfigInput {
  return {
    name: options.name,
    dataDir: options.dataDir,
    logLevel: 'info',
    chains: chains.map((c) => ({
      chainId: c.chainId,
      rpcUrls: options.rpcUrls?.[c.chainId] ?? [c.rpcUrl],
      confirmations: options.confirmations ?? 0,
      hub: c.deployment.addresses.proofHub!,
      relayerRegistry: c.deployment.addresses.relayerRegistry!,
      cdna: c.deployment.addresses.cdna!,
      pc3: c.deployment.addresses.pc3!,
      orchestrator: c.deployment.addresses.orchestrator!,
      fromBlock: c.deployment.deploymentBlock.toString(),
      pollIntervalMs: 100,
      stuckAfterMs: 3_000,
      ...(options.chainOverrides ?? {}),
    })),
    delivery: { gracePeriodMs: 3_000, backoffBaseMs: 200, backoffMaxMs: 5_000, concurrency: 32 },
    ...(options.overrides ?? {}),
  } as RelayerConfigInput;
}

export type RelayerProcess = {
  index: number;
  configFile: string;
  dataDir: string;
  logFile: string;
  child: ChildProcess;
  url: string;
  address: string;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  status(): Promise<StatusJson>;
  metrics(): Promise<string>;
};

export type StatusJson = {
  relayer: string;
  chains: {
    chainId: number;
    queueDepth: number;
    pending: number;
    delivered: number;
    deliveredByOther: number;
    failed: number;
    vanished: number;
    paused: boolean;
    lastBlockSeen: number;
  }[];
  failed: { message_id: string; reason: string }[];
  evidence: { kind: string; signer: string; state: string }[];
};

/** The three devnet relayers as processes (not started), each with its own database under `h.dir`. */
export function relayerProcesses(
  h: Harness,
  options: Omit<Parameters<typeof relayerConfigFor>[1], 'dataDir' | 'name'> = {},
): RelayerProcess[] {
  return [0, 1, 2].map((i) => {
    const dataDir = path.join(h.dir, `data-${i}`);
    mkdirSync(dataDir, { recursive: true });
    return relayerProcess(h.dir, i, relayerConfigFor(h.chains, { ...options, dataDir, name: `relayer-${i}` }));
  });
}

/** A relayer child process (devnet relayer key `index` unless `key` is given). */
export function relayerProcess(
  dir: string,
  index: number,
  config: RelayerConfigInput,
  options: { key?: Hex; env?: Record<string, string> } = {},
): RelayerProcess {
  const base = path.join(dir, `relayer-${index}`);
  mkdirSync(base, { recursive: true });
  const configFile = path.join(base, 'config.json');
  const readyFile = path.join(base, 'ready.json');
  const logFile = path.join(base, 'relayer.log');
  writeFileSync(configFile, JSON.stringify({ ...config, readyFile }, null, 2));
  const p: RelayerProcess = {
    index,
    configFile,
    dataDir: config.dataDir,
    logFile,
    child: undefined as unknown as ChildProcess,
    url: '',
    address: '',
    async start() {
      rmSync(readyFile, { force: true });
      const log = openSync(logFile, 'a');
      p.child = spawn(process.execPath, [relayerBin, '--config', configFile], {
        cwd: repoRoot,
        stdio: ['pipe', log, log],
        env: {
          PATH: process.env.PATH ?? '',
          PRIVATE_KEY: options.key ?? devnetRelayerKeys[index]!,
          RELAYER_EXIT_WITH_STDIN: '1',
          ...(options.env ?? {}),
        },
      });
      const started = Date.now();
      while (!existsSync(readyFile)) {
        if (p.child.exitCode !== null) throw new Error(`relayer ${index} exited: ${tail(logFile)}`);
        if (Date.now() - started > 60_000) throw new Error(`relayer ${index} did not start: ${tail(logFile)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const ready = JSON.parse(readFileSync(readyFile, 'utf8')) as { url: string; address: string };
      p.url = ready.url;
      p.address = ready.address;
    },
    async kill(signal = 'SIGTERM') {
      const child = p.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
    async status() {
      return (await (await fetch(`${p.url}/status`)).json()) as StatusJson;
    },
    async metrics() {
      return (await fetch(`${p.url}/metrics`)).text();
    },
  };
  return p;
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Funds an address on a devnet chain from anvil account 0 (for relayers with fresh keys). */
export async function fund(chain: HarnessChain, to: Hex, value: bigint): Promise<void> {
  const wallet = createWalletClient({
    account: mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: 0 }),
    transport: http(chain.rpcUrl),
    chain: chain.pil.public.chain,
  });
  const hash = await wallet.sendTransaction({ to, value });
  await chain.pil.public.waitForTransactionReceipt({ hash });
}

/** Runs `fn` as a governance holder (the Safe or a timelock) through anvil impersonation (test setup only). */
export async function asGovernance<T>(
  h: Harness,
  chainIndex: number,
  who: 'safe' | 'standardTimelock' | 'emergencyTimelock',
  fn: (client: PilClient) => Promise<T>,
): Promise<T> {
  const c = h.chains[chainIndex]!;
  const gov = h.devnet.chains[chainIndex]!.deployment.governance!;
  const account = gov[who] as Hex;
  const test = createTestClient({ mode: 'anvil', transport: http(c.rpcUrl), chain: c.pil.public.chain });
  await test.impersonateAccount({ address: account });
  await test.setBalance({ address: account, value: 10n ** 20n });
  try {
    const walletClient = createWalletClient({ account, chain: c.pil.public.chain, transport: http(c.rpcUrl) });
    const client = createPilBaseClient({
      publicClient: c.pil.public,
      walletClient: walletClient as never,
      addresses: c.deployment.addresses,
      fromBlock: c.deployment.deploymentBlock,
      pollingInterval: 25,
    });
    return await fn(client);
  } finally {
    await test.stopImpersonatingAccount({ address: account });
  }
}
