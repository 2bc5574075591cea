/**
 * Generate docs/spec/vectors.json: deterministic test vectors for protocol.md §2, §3, §4
 * and §6. Every implementation (circuits, forge, SDK) checks them.
 *
 * Usage: npx tsx circuits/scripts/gen-vectors.ts [--check]
 *   --check  exit 1 if the committed file differs from what this script produces
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildVectors } from '../src/vectors.js';

const out = fileURLToPath(new URL('../../docs/spec/vectors.json', import.meta.url));

async function main(): Promise<void> {
  const text = `${JSON.stringify(await buildVectors(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const committed = await readFile(out, 'utf8');
    if (committed !== text) {
      console.error('docs/spec/vectors.json is stale: run npx tsx circuits/scripts/gen-vectors.ts');
      process.exit(1);
    }
    return;
  }
  await writeFile(out, text);
  console.warn(`wrote ${out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
