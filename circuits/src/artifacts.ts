/**
 * Where the compiled circuits and committed keys live, and what each circuit's public
 * inputs are (protocol.md §4). Node-only.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keccak256, toBytes } from 'viem';

export const CIRCUITS = ['container_create', 'container_spend'] as const;
export type CircuitName = (typeof CIRCUITS)[number];

/** Public inputs of each circuit, in proof order (protocol.md §4). */
export const PUBLIC_INPUTS = {
  container_create: ['commitment', 'policyHash', 'payloadHash'],
  container_spend: ['root', 'nullifier', 'srcDomain', 'dstDomain', 'dstCommitment', 'policyHash', 'dstPayloadHash'],
} as const satisfies Record<CircuitName, readonly string[]>;

/** Circuit ids as the VerifierRegistry names them: keccak256("pil.<name>.v1"). */
export const CIRCUIT_IDS: Record<CircuitName, `0x${string}`> = {
  container_create: keccak256(toBytes('pil.container_create.v1')),
  container_spend: keccak256(toBytes('pil.container_spend.v1')),
};

/** Solidity contract name of each circuit's verifier. */
export const VERIFIER_CONTRACTS: Record<CircuitName, string> = {
  container_create: 'ContainerCreateVerifier',
  container_spend: 'ContainerSpendVerifier',
};

/** Merkle depth of the commitment tree (protocol.md §3). */
export const TREE_DEPTH = 20;
/** Powers of tau of the dev ceremony: 2^13 constraints. */
export const DEV_PTAU_POWER = 13;

/** Absolute path inside the circuits workspace. */
export function circuitsPath(...parts: string[]): string {
  return resolve(fileURLToPath(new URL('..', import.meta.url)), ...parts);
}

/** Build outputs (gitignored): r1cs, sym, witness generator, intermediate ceremony files. */
export function buildPaths(circuit: CircuitName) {
  return {
    source: circuitsPath('src', `${circuit}.circom`),
    r1cs: circuitsPath('build', `${circuit}.r1cs`),
    sym: circuitsPath('build', `${circuit}.sym`),
    wasm: circuitsPath('build', `${circuit}_js`, `${circuit}.wasm`),
  };
}

/** Committed keys: circuits/keys/<circuit>/. */
export function keyPaths(circuit: CircuitName) {
  const dir = circuitsPath('keys', circuit);
  return {
    dir,
    wasm: `${dir}/${circuit}.wasm`,
    zkey: `${dir}/${circuit}_final.zkey`,
    vk: `${dir}/verification_key.json`,
    transcript: `${dir}/transcript.json`,
    info: `${dir}/info.json`,
  };
}

/** circuits/keys/<circuit>/info.json. */
export interface CircuitInfo {
  circuit: CircuitName;
  circuitId: `0x${string}`;
  /** R1CS constraints after `--O2`. */
  constraints: number;
  wires: number;
  publicInputs: readonly string[];
  privateInputs: number;
  ptauPower: number;
  /** keccak256 of the canonical verification_key.json bytes. */
  vkHash: `0x${string}`;
  sha256: { r1cs: string; wasm: string; zkey: string };
  compiler: string;
  devOnly: boolean;
}
