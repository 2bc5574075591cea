/**
 * `npm start`: the three devnet relayers, once `pil devnet up` wrote fresh deployments
 * files: one relayer process per devnet relayer key with a fresh database (the devnet is
 * new each time), on free ports, stopped with `npm start` (packages/cli/src/devnet/services.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { devnetRelayerKeys } from '../../../packages/cli/src/devnet/accounts.js';
import {
  type DevnetDeploymentJson,
  devnetStateDir,
  shownPath,
  spawnDevnetService,
  whenDevnetDeployed,
} from '../../../packages/cli/src/devnet/services.js';
import type { RelayerConfigInput } from './config/schema.js';

const bin = fileURLToPath(new URL('../bin/pil-relayer.mjs', import.meta.url));

export function devnetRelayerConfigs(deployments: DevnetDeploymentJson[], baseDir: string): RelayerConfigInput[] {
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
  const stateDir = devnetStateDir(options.stateDir);
  whenDevnetDeployed({ since: options.since, stateDir }, (deployments) => {
    const base = path.join(stateDir, 'devnet-relayers');
    rmSync(base, { recursive: true, force: true });
    devnetRelayerConfigs(deployments, base).forEach((config, i) => {
      const home = path.join(base, String(i));
      mkdirSync(home, { recursive: true });
      const configFile = path.join(home, 'config.json');
      writeFileSync(configFile, JSON.stringify(config, null, 2));
      const logFile = path.join(home, 'relayer.log');
      spawnDevnetService({
        bin,
        configFile,
        logFile,
        readyFile: config.readyFile!,
        env: { PRIVATE_KEY: devnetRelayerKeys[i]!, RELAYER_EXIT_WITH_STDIN: '1' },
        onReady: ({ url, address }) => {
          process.stderr.write(`relayer ${i} (${String(address)}) ${url}/status  log: ${shownPath(logFile)}\n`);
          if (i === 0) process.stderr.write(`  curl -s ${url}/relayers/health | jq .\n`);
        },
      });
    });
  });
}
