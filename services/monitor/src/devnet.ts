/**
 * `npm start`: the monitor on the devnet, once `pil devnet up` wrote fresh deployments
 * files. No alert channel is configured on the devnet (no PagerDuty, Slack or SMTP here):
 * the alerts are in its log, /status and /alerts, and `pil monitor status` reads the same
 * metrics. Stopped with `npm start` (packages/cli/src/devnet/services.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DevnetDeploymentJson,
  devnetStateDir,
  shownPath,
  spawnDevnetService,
  whenDevnetDeployed,
} from '../../../packages/cli/src/devnet/services.js';
import type { MonitorConfigInput } from './config/schema.js';

const bin = fileURLToPath(new URL('../bin/pil-monitor.mjs', import.meta.url));

export function devnetMonitorConfig(deployments: DevnetDeploymentJson[], home: string): MonitorConfigInput {
  return {
    name: 'devnet-monitor',
    stateDir: path.join(home, 'state'),
    readyFile: path.join(home, 'ready.json'),
    intervalMs: 5_000,
    windowBlocks: 200,
    chains: deployments.map((d) => ({
      chainId: d.chainId,
      name: `devnet-${d.chainId}`,
      rpcUrl: d.rpcUrl,
      fromBlock: d.deploymentBlock,
      addresses: Object.fromEntries(Object.entries(d.contracts).flatMap(([id, c]) => (c ? [[id, c.proxy]] : []))),
    })),
  };
}

export function startDevnetMonitor(options: { since: number; stateDir?: string }): void {
  const stateDir = devnetStateDir(options.stateDir);
  whenDevnetDeployed({ since: options.since, stateDir }, (deployments) => {
    const home = path.join(stateDir, 'devnet-monitor');
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    const config = devnetMonitorConfig(deployments, home);
    const configFile = path.join(home, 'config.json');
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    const logFile = path.join(home, 'monitor.log');
    spawnDevnetService({
      bin,
      configFile,
      logFile,
      readyFile: config.readyFile!,
      env: { MONITOR_EXIT_WITH_STDIN: '1' },
      onReady: ({ url }) => process.stderr.write(`monitor ${url}/status  log: ${shownPath(logFile)}\n`),
    });
  });
}
