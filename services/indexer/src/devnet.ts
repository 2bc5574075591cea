/**
 * `npm start`: the indexer on the devnet, once `pil devnet up` wrote fresh deployments files.
 * It watches every proxy of the deployments (labelled by contract id) plus the governance
 * Safe and both timelocks, in a PGlite database under `<stateDir>/devnet-indexer/db` (fresh
 * with every devnet: DATABASE_URL is not used here). Stopped with `npm start`
 * (packages/cli/src/devnet/services.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DevnetDeploymentJson, startDevnetService } from '../../../packages/cli/src/devnet/services.js';
import type { IndexerConfigInput } from './config/schema.js';

const bin = fileURLToPath(new URL('../bin/pil-indexer.mjs', import.meta.url));

/** What the indexer reads of a deployments file beyond DevnetDeploymentJson: the governance contracts. */
export type DevnetGovernanceJson = {
  governance?: { safe?: string; standardTimelock?: string; emergencyTimelock?: string } | undefined;
};

/** Watched contracts of one deployments file: every proxy by id, the Safe and both timelocks. */
export function devnetWatchedContracts(d: DevnetDeploymentJson & DevnetGovernanceJson): Record<string, string> {
  const watched: Record<string, string> = {};
  for (const [id, c] of Object.entries(d.contracts)) if (c?.proxy) watched[c.proxy] = id;
  const g = d.governance;
  if (g?.safe) watched[g.safe] = 'safe';
  if (g?.standardTimelock) watched[g.standardTimelock] = 'standardTimelock';
  if (g?.emergencyTimelock) watched[g.emergencyTimelock] = 'emergencyTimelock';
  return watched;
}

export function devnetIndexerConfig(
  deployments: (DevnetDeploymentJson & DevnetGovernanceJson)[],
  home: string,
): IndexerConfigInput {
  return {
    name: 'devnet-indexer',
    database: { dataDir: path.join(home, 'db') },
    readyFile: path.join(home, 'ready.json'),
    pollIntervalMs: 1_000,
    chains: deployments.map((d) => ({
      chainId: d.chainId,
      name: `devnet-${d.chainId}`,
      rpcUrl: d.rpcUrl,
      fromBlock: d.deploymentBlock,
      confirmations: 0,
      contracts: devnetWatchedContracts(d),
    })),
  };
}

export function startDevnetIndexer(options: { since: number; stateDir?: string }): void {
  startDevnetService({
    name: 'indexer',
    bin,
    since: options.since,
    stateDir: options.stateDir,
    config: devnetIndexerConfig,
    // The devnet's database is a fresh PGlite folder, whatever the shell's DATABASE_URL.
    env: { INDEXER_EXIT_WITH_STDIN: '1', DATABASE_URL: '' },
  });
}
