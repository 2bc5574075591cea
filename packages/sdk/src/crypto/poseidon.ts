/**
 * Poseidon over BN254 as circomlib's `Poseidon(n)` (width n+1), through circomlibjs'
 * WebAssembly build. The hasher is built once, lazily, and shared.
 */
import { buildPoseidon, type CircomlibPoseidon } from 'circomlibjs';
import { assertField } from './field.js';

/** A synchronous Poseidon over 1..16 field elements. */
export type PoseidonHash = (inputs: readonly bigint[]) => bigint;

let built: Promise<PoseidonHash> | undefined;

/** The shared Poseidon hasher (built on first call, about 50 ms). */
export function getPoseidon(): Promise<PoseidonHash> {
  built ??= buildPoseidon().then(wrap);
  return built;
}

/** Poseidon_n(inputs), n = inputs.length. */
export async function poseidon(inputs: readonly bigint[]): Promise<bigint> {
  return (await getPoseidon())(inputs);
}

function wrap(p: CircomlibPoseidon): PoseidonHash {
  return (inputs) => {
    if (inputs.length < 1 || inputs.length > 16)
      throw new RangeError(`Poseidon takes 1..16 inputs, got ${inputs.length}`);
    inputs.forEach((x, i) => {
      assertField(x, `Poseidon input ${i}`);
    });
    return p.F.toObject(p(inputs));
  };
}
