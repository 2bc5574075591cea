/**
 * Gas benchmarks for `npm run bench`: every PIL operation with real proofs, beside its floor.
 *
 * Runs contracts/test/gas/GasBench.t.sol (`forge test --match-contract GasBench -vv`) and parses
 * the `PILGAS {...}` lines it prints. How each number is measured (cooled accounts, leaf indices in
 * [2^16, 2^17), transaction gas = 21,000 + calldata + execution) is documented in that contract.
 *
 * Floor = 21,000 + calldata (16/4 gas per byte) + precompiles (Groth16 per EIP-1108: 45,000 +
 * 4 x 34,000 pairing and 6,150 per public input; ecrecover 3,000 per signature) + the tree's
 * Poseidon hashes (popcount of the leaf index) x the per-hash cost measured in the same run.
 * Set FOUNDRY_OUT / FOUNDRY_CACHE_PATH to build into other directories than contracts/out.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Row } from './table.js';

const SECTION = 'gas';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Runbook: a 500k average-gas warning; issue 3 §4: createContainer below it. */
const CREATE_TARGET = 500_000;

export interface GasLine {
  op: string;
  samples?: number;
  gas?: number;
  min?: number;
  max?: number;
  floor?: number;
  groth16Floor?: number;
  hashesX100?: number;
  perHash: number;
}

/** The `PILGAS {...}` lines of forge's output, in order. */
export function parseGasLines(output: string): GasLine[] {
  return [...output.matchAll(/PILGAS (\{.*\})/g)].map((m) => JSON.parse(m[1] ?? '{}') as GasLine);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function gasRows(lines: readonly GasLine[]): Row[] {
  const rows: Row[] = [];
  const poseidon = lines.find((l) => l.op === 'poseidon');
  if (poseidon) {
    rows.push({
      section: SECTION,
      metric: 'PoseidonT3 per hash (linked, 1M runs; measured)',
      value: fmt(poseidon.perHash),
    });
  }
  const order = ['create', 'consume', 'export', 'checkpoint', 'import', 'attestation', 'slash'];
  const rank = (op: string) => order.findIndex((o) => op.startsWith(o));
  const sorted = [...lines].sort((a, b) => rank(a.op) - rank(b.op));
  for (const l of sorted) {
    if (l.op === 'poseidon' || l.gas === undefined || l.floor === undefined) continue;
    const hashes = (l.hashesX100 ?? 0) / 100;
    const parts = [`floor ${fmt(l.floor)}`];
    if (hashes > 0) parts.push(`(${fmt(l.groth16Floor ?? 0)} base+precompiles + ${hashes.toFixed(2)} hashes)`);
    parts.push(`x${(l.gas / l.floor).toFixed(2)}`);
    const spread = (l.samples ?? 1) > 1 ? ` (min ${fmt(l.min ?? 0)}, max ${fmt(l.max ?? 0)}, n=${l.samples})` : '';
    const isCreate = l.op.startsWith('create');
    rows.push({
      section: SECTION,
      metric: `${l.op}${isCreate || hashes > 0 ? ', avg over leaf index in [2^16, 2^17)' : ''}`,
      value: `${fmt(l.gas)}${spread}`,
      target: isCreate
        ? `< ${fmt(CREATE_TARGET)} avg ${l.gas < CREATE_TARGET ? 'OK' : 'OVER'}; ${parts.join(' ')}`
        : parts.join(' '),
    });
  }
  return rows;
}

export async function benchGas(): Promise<Row[]> {
  const forge = path.join(root, 'node_modules', '.bin', 'forge');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(forge, ['test', '--match-contract', 'GasBench', '-vv'], {
      cwd: path.join(root, 'contracts'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`forge test --match-contract GasBench failed (exit ${code}):\n${out.slice(-4000)}`));
    });
  });
  const lines = parseGasLines(output);
  if (lines.length === 0) throw new Error(`no PILGAS lines in forge output:\n${output.slice(-4000)}`);
  return gasRows(lines);
}
