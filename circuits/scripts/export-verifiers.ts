/**
 * Write contracts/src/verifiers/{ContainerCreateVerifier,ContainerSpendVerifier}.sol
 * from the committed keys (circuits/keys/<circuit>/<circuit>_final.zkey).
 *
 * Usage: npx tsx circuits/scripts/export-verifiers.ts
 * verifiers.test.ts checks that the committed files equal this script's output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CIRCUITS } from '../src/artifacts.js';
import { releaseCurves } from '../src/ceremony.js';
import { renderVerifier, verifierPath } from '../src/verifiers.js';

async function main(): Promise<void> {
  for (const circuit of CIRCUITS) {
    const path = verifierPath(circuit);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await renderVerifier(circuit));
    console.warn(`wrote ${path}`);
  }
  await releaseCurves();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
