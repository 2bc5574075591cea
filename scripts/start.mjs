#!/usr/bin/env node
// `npm start`: the devnet (two anvil chains with PIL deployed and wired),
// running until Ctrl-C. Extra arguments go to `pil devnet up`, e.g.
// `npm start -- --json`. The root "start" script builds the contracts first.
import { register } from 'tsx/esm/api';

register();
// The three devnet relayers (services/relayer), started once the devnet's deployments
// are written; they exit with this process (stdin pipe). `--no-relayers` skips them.
if (!process.argv.includes('--no-relayers')) {
  const { startDevnetRelayers } = await import('../services/relayer/src/devnet.ts');
  startDevnetRelayers({ since: Date.now() });
}
const { run } = await import('../packages/cli/src/main.ts');
const code = await run(['devnet', 'up', ...process.argv.slice(2).filter((a) => a !== '--no-relayers')]);
process.exit(code);
