/**
 * Compile PIL's circuits with circom2 (circom 2 in WebAssembly):
 *   circom2 <circuit>.circom --r1cs --wasm --sym --O2 -o circuits/build
 * and print their constraint counts.
 *
 * Usage: npx tsx circuits/scripts/compile.ts [circuit...]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { relative } from 'node:path';
import * as snarkjs from 'snarkjs';
import { buildPaths, CIRCUITS, type CircuitName, circuitsPath } from '../src/artifacts.js';
import { releaseCurves } from '../src/ceremony.js';

export const CIRCOM_FLAGS = ['--r1cs', '--wasm', '--sym', '--O2'] as const;

/** circom2 runs under WASI with the working directory as its only root: run it from the repo root. */
const repoRoot = circuitsPath('..');

export function compileCircuit(circuit: CircuitName): void {
  const out = circuitsPath('build');
  mkdirSync(out, { recursive: true });
  const bin = circuitsPath('..', 'node_modules', '.bin', 'circom2');
  execFileSync(bin, [relative(repoRoot, buildPaths(circuit).source), ...CIRCOM_FLAGS, '-o', relative(repoRoot, out)], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function constraintCount(circuit: CircuitName): Promise<number> {
  const info = await snarkjs.r1cs.info(buildPaths(circuit).r1cs);
  return info.nConstraints;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const circuits = wanted.length > 0 ? (wanted as CircuitName[]) : [...CIRCUITS];
  for (const circuit of circuits) {
    if (!CIRCUITS.includes(circuit)) throw new Error(`unknown circuit ${circuit}`);
    compileCircuit(circuit);
    console.warn(`${circuit}: ${await constraintCount(circuit)} constraints`);
  }
  await releaseCurves();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
