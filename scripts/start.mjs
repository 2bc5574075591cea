#!/usr/bin/env node
// `npm start`: the devnet (two anvil chains with PIL deployed and wired),
// running until Ctrl-C. Extra arguments go to `pil devnet up`, e.g.
// `npm start -- --json`. The root "start" script builds the contracts first.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../packages/cli/src/main.ts');
const code = await run(['devnet', 'up', ...process.argv.slice(2)]);
process.exit(code);
