#!/usr/bin/env node
// The indexer as a process: runs from source through tsx (like the CLI, ADR 0006).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/service.ts');
main().catch((err) => {
  // Config errors list one invalid field a line; nothing here holds DATABASE_URL (service.ts redacts).
  process.stderr.write(`pil-indexer: ${err?.message ?? String(err)}\n`);
  process.exit(3);
});
