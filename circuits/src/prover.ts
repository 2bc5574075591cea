/**
 * Node-only Groth16 prover and verifier over the committed keys
 * (circuits/keys/<circuit>/), and the Solidity calldata form of a proof. Proving and
 * input normalisation are the SDK's (packages/sdk/src/prover); this module adds the
 * circuits workspace's key paths, witness calculation and the fixture forms.
 */
import { readFile } from 'node:fs/promises';
import type { Groth16Proof, PublicSignals, VerificationKey } from 'snarkjs';
import * as snarkjs from 'snarkjs';
import type { ContainerCreateInput, ContainerSpendInput } from '../../packages/sdk/src/crypto/index.js';
import { createProver, normalizeInput as sdkNormalizeInput } from '../../packages/sdk/src/prover/prover.js';
import { type CircuitName, keyPaths, PUBLIC_INPUTS } from './artifacts.js';

export type { Groth16Proof, PublicSignals, VerificationKey } from 'snarkjs';

/** Circuit inputs: bigints, decimal strings, or arrays of them, by signal name. */
export type CircuitInput =
  | Record<string, bigint | string | number | readonly (bigint | string | number)[]>
  | ContainerCreateInput
  | ContainerSpendInput;

export interface ProofResult {
  proof: Groth16Proof;
  /** Public inputs in proof order, decimal strings. */
  publicSignals: PublicSignals;
}

/**
 * A proof as the snarkjs verifier's `verifyProof(uint[2] a, uint[2][2] b, uint[2] c,
 * uint[N] publicInputs)` takes it. `b` has each G2 coordinate pair swapped
 * (x1, x0), as the EIP-197 precompile expects.
 */
export interface SolidityProof {
  a: [bigint, bigint];
  b: [[bigint, bigint], [bigint, bigint]];
  c: [bigint, bigint];
  publicInputs: bigint[];
}

/** Generate a Groth16 proof with the committed wasm and zkey (about 1 s for container_spend). */
export async function prove(circuit: CircuitName, input: CircuitInput): Promise<ProofResult> {
  const keys = keyPaths(circuit);
  const prover = createProver({ [circuit]: { wasm: keys.wasm, zkey: keys.zkey } } as Parameters<
    typeof createProver
  >[0]);
  return prover.prove(circuit, input);
}

const vkCache = new Map<CircuitName, VerificationKey>();

/** The committed verification key of a circuit. */
export async function loadVerificationKey(circuit: CircuitName): Promise<VerificationKey> {
  let vk = vkCache.get(circuit);
  if (!vk) {
    vk = JSON.parse(await readFile(keyPaths(circuit).vk, 'utf8')) as VerificationKey;
    vkCache.set(circuit, vk);
  }
  return vk;
}

/** Verify a proof off-chain against the committed verification key. */
export async function verify(
  circuit: CircuitName,
  publicSignals: PublicSignals,
  proof: Groth16Proof,
): Promise<boolean> {
  if (publicSignals.length !== PUBLIC_INPUTS[circuit].length) return false;
  return snarkjs.groth16.verify(await loadVerificationKey(circuit), publicSignals, proof);
}

/**
 * Run the circuit's witness generator (committed wasm) on `input`. Throws if any
 * `===` constraint fails, so a successful run means the circuit accepts the input.
 * Returns the full witness; witness[1..=nPublic] are the public inputs in order.
 */
export async function calculateWitness(circuit: CircuitName, input: CircuitInput): Promise<bigint[]> {
  const wtns: { type: 'mem'; data?: Uint8Array } = { type: 'mem' };
  await snarkjs.wtns.calculate(normalizeInput(input), keyPaths(circuit).wasm, wtns);
  return snarkjs.wtns.exportJson(wtns);
}

/** The Solidity calldata form of a snarkjs proof. */
export function toSolidityProof(proof: Groth16Proof, publicSignals: PublicSignals): SolidityProof {
  const g1 = (p: string[]): [bigint, bigint] => [big(p[0]), big(p[1])];
  const [x, y] = [proof.pi_b[0], proof.pi_b[1]];
  if (!x || !y) throw new Error('malformed proof: pi_b');
  return {
    a: g1(proof.pi_a),
    b: [
      [big(x[1]), big(x[0])],
      [big(y[1]), big(y[0])],
    ],
    c: g1(proof.pi_c),
    publicInputs: publicSignals.map(big),
  };
}

/** Decimal-string form of a SolidityProof, as stored in fixtures. */
export interface SolidityProofJson {
  a: [string, string];
  b: [[string, string], [string, string]];
  c: [string, string];
  publicInputs: string[];
}

export function solidityProofToJson(p: SolidityProof): SolidityProofJson {
  const s = (v: bigint) => v.toString();
  return {
    a: [s(p.a[0]), s(p.a[1])],
    b: [
      [s(p.b[0][0]), s(p.b[0][1])],
      [s(p.b[1][0]), s(p.b[1][1])],
    ],
    c: [s(p.c[0]), s(p.c[1])],
    publicInputs: p.publicInputs.map(s),
  };
}

export function solidityProofFromJson(p: SolidityProofJson): SolidityProof {
  return {
    a: [BigInt(p.a[0]), BigInt(p.a[1])],
    b: [
      [BigInt(p.b[0][0]), BigInt(p.b[0][1])],
      [BigInt(p.b[1][0]), BigInt(p.b[1][1])],
    ],
    c: [BigInt(p.c[0]), BigInt(p.c[1])],
    publicInputs: p.publicInputs.map((v) => BigInt(v)),
  };
}

/** Circuit input with every value as a decimal string (snarkjs and JSON friendly). */
export function normalizeInput(input: CircuitInput): Record<string, string | string[]> {
  return sdkNormalizeInput(input);
}

function big(v: string | undefined): bigint {
  if (v === undefined) throw new Error('malformed proof: missing coordinate');
  return BigInt(v);
}
