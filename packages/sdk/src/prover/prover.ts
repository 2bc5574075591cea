/**
 * Groth16 proving and verification with snarkjs (browser-safe: artifacts are given as
 * URLs, paths or bytes). The Node entry point (`@pil/sdk/node`) makes a prover over
 * the artifacts shipped in the package.
 */
import { type WitnessCalculator, WitnessCalculatorBuilder } from 'circom_runtime';
import * as snarkjs from 'snarkjs';
import { keccak256, toBytes } from 'viem';
import type { ContainerCreateInput, ContainerSpendInput } from '../crypto/inputs.js';
import { ProofError } from '../errors/families.js';
import type { ContractProof } from '../types/proof.js';

export const CIRCUITS = ['container_create', 'container_spend'] as const;
export type CircuitName = (typeof CIRCUITS)[number];

/** Circuit ids as the VerifierRegistry names them: keccak256("pil.<name>.v1"). */
export const CIRCUIT_IDS: Record<CircuitName, `0x${string}`> = {
  container_create: keccak256(toBytes('pil.container_create.v1')),
  container_spend: keccak256(toBytes('pil.container_spend.v1')),
};

/** Public inputs of each circuit, in proof order (protocol §4). */
export const PUBLIC_INPUTS = {
  container_create: ['commitment', 'policyHash', 'payloadHash'],
  container_spend: ['root', 'nullifier', 'srcDomain', 'dstDomain', 'dstCommitment', 'policyHash', 'dstPayloadHash'],
} as const satisfies Record<CircuitName, readonly string[]>;

/** A snarkjs Groth16 proof (JSON form). */
export interface Groth16Proof {
  pi_a: string[];
  pi_b: string[][];
  pi_c: string[];
  protocol: string;
  curve: string;
}

/** A snarkjs verification key (verification_key.json). */
export interface VerificationKey {
  protocol: string;
  curve: string;
  nPublic: number;
  [key: string]: unknown;
}

/** A snarkjs proof and its public signals (decimal strings, proof order). */
export type ProofResult = { proof: Groth16Proof; publicSignals: string[] };

/** Circuit inputs: bigints, decimal strings or numbers (or arrays of them), by signal name. */
export type CircuitInput =
  | Record<string, bigint | string | number | readonly (bigint | string | number)[]>
  | ContainerCreateInput
  | ContainerSpendInput;

/** Where a circuit's artifacts are: a URL or path (string) or the bytes. */
export type CircuitArtifacts = {
  wasm: string | Uint8Array;
  zkey: string | Uint8Array;
  verificationKey?: VerificationKey | undefined;
};

export interface Prover {
  prove(circuit: CircuitName, input: CircuitInput): Promise<ProofResult>;
  verify(circuit: CircuitName, result: ProofResult): Promise<boolean>;
  /**
   * Stops snarkjs' worker threads (shared by every prover of the process). Node does not
   * exit while they run; call this when done proving. A later `prove` starts them again.
   */
  terminate(): Promise<void>;
}

/** Stops snarkjs' BN254 worker threads, if any. */
export async function terminateProverThreads(): Promise<void> {
  const g = globalThis as { curve_bn128?: { terminate(): Promise<void> } | null };
  await g.curve_bn128?.terminate();
}

/** A prover over the given artifacts (in a browser: URLs of the wasm and zkey files). */
export function createProver(artifacts: Record<CircuitName, CircuitArtifacts>): Prover {
  // With the artifacts' bytes at hand (the Node prover), one compiled witness calculator per
  // circuit is kept instead of compiling the wasm on every proof (snarkjs' fullProve does).
  // A calculator is one wasm instance with one memory: concurrent calls on it mix their
  // witnesses, so each circuit's witnesses are computed one at a time (the proving itself,
  // the costly part, still runs concurrently).
  const calculators = new Map<CircuitName, Promise<WitnessCalculator>>();
  const queues = new Map<CircuitName, Promise<unknown>>();
  const witness = (circuit: CircuitName, wasm: Uint8Array, input: CircuitInput): Promise<Uint8Array> => {
    const wc = calculators.get(circuit) ?? WitnessCalculatorBuilder(wasm);
    calculators.set(circuit, wc);
    const run = (queues.get(circuit) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => (await wc).calculateWTNSBin(normalizeInput(input), 0));
    queues.set(circuit, run);
    return run;
  };
  return {
    async prove(circuit, input) {
      const a = artifacts[circuit];
      try {
        if (a.wasm instanceof Uint8Array && a.zkey instanceof Uint8Array) {
          const wtns = await witness(circuit, a.wasm, input);
          const { proof, publicSignals } = await snarkjs.groth16.prove(a.zkey as never, wtns as never);
          return { proof, publicSignals };
        }
        // snarkjs' types say string; its file layer (fastfile) also takes URLs and paths.
        const { proof, publicSignals } = await snarkjs.groth16.fullProve(
          normalizeInput(input),
          a.wasm as string,
          a.zkey as string,
        );
        return { proof, publicSignals };
      } catch (cause) {
        calculators.delete(circuit);
        throw new ProofError(`Proving ${circuit} failed`, {
          details: cause instanceof Error ? cause.message.split('\n')[0] : String(cause),
          hint: 'A failed assertion means the inputs do not satisfy the circuit (wrong path, amount out of range, ...)',
          docsPath: '#prover',
          cause,
        });
      }
    },
    async verify(circuit, result) {
      const vk = artifacts[circuit].verificationKey;
      if (!vk) throw new ProofError(`No verification key for ${circuit}`, { docsPath: '#prover' });
      return verifyProof(vk, circuit, result);
    },
    terminate: terminateProverThreads,
  };
}

/** Verifies a proof off-chain against a verification key. */
export async function verifyProof(vk: VerificationKey, circuit: CircuitName, result: ProofResult): Promise<boolean> {
  if (result.publicSignals.length !== PUBLIC_INPUTS[circuit].length) return false;
  return snarkjs.groth16.verify(vk, result.publicSignals, result.proof);
}

/** The contract form of a snarkjs proof (pB coordinates swapped to [x1, x0]). */
export function toContractProof(proof: Groth16Proof): ContractProof {
  const g = (v: string | undefined) => {
    if (v === undefined) throw new ProofError('Malformed proof: missing coordinate');
    return BigInt(v);
  };
  const [x, y] = [proof.pi_b[0], proof.pi_b[1]];
  if (!x || !y) throw new ProofError('Malformed proof: pi_b');
  return {
    a: [g(proof.pi_a[0]), g(proof.pi_a[1])],
    b: [
      [g(x[1]), g(x[0])],
      [g(y[1]), g(y[0])],
    ],
    c: [g(proof.pi_c[0]), g(proof.pi_c[1])],
  };
}

/** The snarkjs form of a contract proof (the inverse of `toContractProof`), e.g. to verify calldata off-chain. */
export function fromContractProof(proof: ContractProof): Groth16Proof {
  const s = (v: bigint) => v.toString();
  return {
    pi_a: [s(proof.a[0]), s(proof.a[1]), '1'],
    pi_b: [
      [s(proof.b[0][1]), s(proof.b[0][0])],
      [s(proof.b[1][1]), s(proof.b[1][0])],
      ['1', '0'],
    ],
    pi_c: [s(proof.c[0]), s(proof.c[1]), '1'],
    protocol: 'groth16',
    curve: 'bn128',
  };
}

/** Circuit input with every value as a decimal string (snarkjs and JSON friendly). */
export function normalizeInput(input: CircuitInput): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(input) as [string, unknown][]) {
    out[key] = Array.isArray(value)
      ? value.map((v: bigint | string | number) => BigInt(v).toString())
      : BigInt(value as bigint | string | number).toString();
  }
  return out;
}
