/**
 * `npm start`: the monitor on the devnet, once `pil devnet up` wrote fresh deployments
 * files. No alert channel is configured on the devnet (no PagerDuty, Slack or SMTP here):
 * the alerts are in its log, /status and /alerts, and `pil monitor status` reads the same
 * metrics. Stopped with `npm start` (packages/cli/src/devnet/services.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DevnetDeploymentJson, startDevnetService } from '../../../packages/cli/src/devnet/services.js';
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
  startDevnetService({
    name: 'monitor',
    bin,
    since: options.since,
    stateDir: options.stateDir,
    config: devnetMonitorConfig,
    env: { MONITOR_EXIT_WITH_STDIN: '1' },
  });
}
