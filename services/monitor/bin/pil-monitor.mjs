#!/usr/bin/env node
// The monitor as a process: runs from source through tsx (like the CLI, ADR 0006).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/service.ts');
main().catch((err) => {
  process.stderr.write(`pil-monitor: ${err?.message?.split('\n')[0] ?? String(err)}\n`);
  process.exit(3);
});
