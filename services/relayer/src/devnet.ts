/**
 * `npm start`: the three devnet relayers. Waits for `pil devnet up` to write fresh
 * deployments files, then runs one relayer process per devnet relayer key with a fresh
 * database (the devnet is new each time), on free ports. Each child exits when its
 * stdin pipe closes, so it never outlives `npm start` (even after kill -9 of it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { devnetRelayerKeys } from '../../../packages/cli/src/devnet/accounts.js';
import type { RelayerConfigInput } from './config/schema.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/pil-relayer.mjs', import.meta.url));

type DeploymentJson = {
  chainId: number;
  rpcUrl: string;
  deploymentBlock: number;
  contracts: Record<string, { proxy: string } | undefined>;
};

export function devnetRelayerConfigs(deployments: DeploymentJson[], baseDir: string): RelayerConfigInput[] {
  return devnetRelayerKeys.map((_, i) => ({
    name: `devnet-relayer-${i}`,
    dataDir: path.join(baseDir, String(i), 'data'),
    readyFile: path.join(baseDir, String(i), 'ready.json'),
    chains: deployments.map((d) => ({
      chainId: d.chainId,
      rpcUrls: [d.rpcUrl],
      confirmations: 0,
      hub: d.contracts.proofHub!.proxy,
      relayerRegistry: d.contracts.relayerRegistry!.proxy,
      cdna: d.contracts.cdna!.proxy,
      pc3: d.contracts.pc3!.proxy,
      orchestrator: d.contracts.orchestrator!.proxy,
      fromBlock: String(d.deploymentBlock),
      pollIntervalMs: 100,
    })),
    delivery: { gracePeriodMs: 5_000 },
  })) as RelayerConfigInput[];
}

export function startDevnetRelayers(options: { since: number; stateDir?: string }): void {
  const stateDir = options.stateDir ?? process.env.PIL_STATE_DIR ?? path.join(repoRoot, '.pil');
  const dir = path.join(stateDir, 'deployments', 'devnet');
  const children: ChildProcess[] = [];
  process.once('exit', () => {
    for (const c of children) c.kill('SIGTERM');
  });
  const timer = setInterval(() => {
    if (!existsSync(dir)) return;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(dir, f))
      .filter((f) => statSync(f).mtimeMs >= options.since - 1_000);
    if (files.length < 2) return;
    clearInterval(timer);
    const deployments = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as DeploymentJson);
    const base = path.join(stateDir, 'devnet-relayers');
    rmSync(base, { recursive: true, force: true });
    devnetRelayerConfigs(deployments, base).forEach((config, i) => {
      const home = path.join(base, String(i));
      mkdirSync(home, { recursive: true });
      const configFile = path.join(home, 'config.json');
      writeFileSync(configFile, JSON.stringify(config, null, 2));
      const log = openSync(path.join(home, 'relayer.log'), 'a');
      const child = spawn(process.execPath, [bin, '--config', configFile], {
        cwd: repoRoot,
        stdio: ['pipe', log, log],
        env: { ...process.env, PRIVATE_KEY: devnetRelayerKeys[i]!, RELAYER_EXIT_WITH_STDIN: '1' },
      });
      children.push(child);
      const readyFile = config.readyFile!;
      const wait = setInterval(() => {
        if (!existsSync(readyFile)) return;
        clearInterval(wait);
        const { url, address } = JSON.parse(readFileSync(readyFile, 'utf8')) as { url: string; address: string };
        const rel = path.relative(repoRoot, home);
        const logPath = path.join(rel.startsWith('..') ? home : rel, 'relayer.log');
        process.stderr.write(`relayer ${i} (${address}) ${url}/status  log: ${logPath}\n`);
        if (i === 0) process.stderr.write(`  curl -s ${url}/relayers/health | jq .\n`);
      }, 200);
      wait.unref();
    });
  }, 250);
  timer.unref();
}
