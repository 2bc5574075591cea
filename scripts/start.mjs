#!/usr/bin/env node
// `npm start`: the devnet (two anvil chains with PIL deployed and wired),
// running until Ctrl-C. Extra arguments go to `pil devnet up`, e.g.
// `npm start -- --json`. The root "start" script builds the contracts first.
import { register } from 'tsx/esm/api';

register();
// The devnet's services, started once the devnet's deployments are written; they exit
// with this process (stdin pipe): the three relayers (services/relayer; `--no-relayers`
// skips them), the monitor (services/monitor; `--no-monitor`) and the indexer
// (services/indexer; `--no-indexer`).
const since = Date.now();
if (!process.argv.includes('--no-relayers')) {
  const { startDevnetRelayers } = await import('../services/relayer/src/devnet.ts');
  startDevnetRelayers({ since });
}
if (!process.argv.includes('--no-monitor')) {
  const { startDevnetMonitor } = await import('../services/monitor/src/devnet.ts');
  startDevnetMonitor({ since });
}
if (!process.argv.includes('--no-indexer')) {
  const { startDevnetIndexer } = await import('../services/indexer/src/devnet.ts');
  startDevnetIndexer({ since });
}
const { run } = await import('../packages/cli/src/main.ts');
const ours = new Set(['--no-relayers', '--no-monitor', '--no-indexer']);
const code = await run(['devnet', 'up', ...process.argv.slice(2).filter((a) => !ours.has(a))]);
process.exit(code);
