#!/usr/bin/env node
// Runs the CLI from its TypeScript sources through tsx's loader: no build step
// to remember, `npm install` is enough (see docs/adr/0006-cli-and-devnet.md).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/main.ts');
const code = await run(process.argv.slice(2));
process.exit(code);
