/**
 * Circuit artifacts picked by key hash (EP-003). After a verifier rotation the chain's
 * VerifierRegistry names a new `vkHash` per circuit; a prover must use the zkey of exactly
 * that key, or its proofs are refused (`RetiredKeyProofRejected` for the old key). Given
 * candidate artifact folders (each `<dir>/<circuit>/{<circuit>.wasm, <circuit>_final.zkey,
 * verification_key.json}`, as shipped or as written by `pil ceremony finalize`), these
 * helpers choose, per circuit, the folder whose verification key hashes to the registered one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type Hex, keccak256, toBytes } from 'viem';
import { verifierRegistryAbi } from '../abi/generated/index.js';
import { readPilContract } from '../actions/internal/contract.js';
import type { PilClient } from '../clients/createPilClient.js';
import { ConfigError } from '../errors/families.js';
import {
  CIRCUIT_IDS,
  CIRCUITS,
  type CircuitArtifacts,
  type CircuitName,
  createProver,
  type Prover,
} from '../prover/prover.js';
import { artifactsDir, circuitArtifacts, inMemory } from './prover.js';

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** vkHash of a verification_key.json: keccak256 of its canonical bytes (protocol §4). */
export function vkHashOfFile(path: string): Hex {
  const vk: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return keccak256(toBytes(`${JSON.stringify(sortKeys(vk), null, 2)}\n`));
}

/** The artifacts of `circuit` among `dirs` whose verification key has hash `vkHash`. */
export function artifactsForKeyHash(
  circuit: CircuitName,
  vkHash: Hex,
  dirs: readonly string[],
): CircuitArtifacts & { vkPath: string; dir: string } {
  const seen: string[] = [];
  for (const dir of dirs) {
    const vkPath = `${dir.replace(/\/$/, '')}/${circuit}/verification_key.json`;
    if (!existsSync(vkPath)) continue;
    const hash = vkHashOfFile(vkPath);
    seen.push(`${dir}: ${hash}`);
    if (hash.toLowerCase() === vkHash.toLowerCase()) return { ...circuitArtifacts(circuit, dir), dir };
  }
  throw new ConfigError(`No artifacts for ${circuit} with key ${vkHash}`, {
    details: seen.length ? `found: ${seen.join('; ')}` : `no ${circuit} artifacts in ${dirs.join(', ')}`,
    hint: 'The verifier was rotated (EP-003): get the new keys/<circuit>/ folder from the ceremony and pass it in artifactDirs',
  });
}

/**
 * A Node prover whose artifacts match the keys this chain's VerifierRegistry uses now:
 * each circuit's registered vkHash is read and matched against `artifactDirs` (default: the
 * shipped artifacts only).
 */
export async function createNodeProverForChain(
  client: PilClient,
  options: { artifactDirs?: readonly string[] } = {},
): Promise<Prover & { keys: Record<CircuitName, { vkHash: Hex; dir: string }> }> {
  const dirs = options.artifactDirs ?? [artifactsDir()];
  const keys = {} as Record<CircuitName, { vkHash: Hex; dir: string }>;
  const artifacts = {} as Record<CircuitName, CircuitArtifacts>;
  for (const circuit of CIRCUITS) {
    const entry = await readPilContract<{ vkHash: Hex }>(client, {
      contract: 'verifierRegistry',
      abi: verifierRegistryAbi,
      functionName: 'verifierOf',
      args: [CIRCUIT_IDS[circuit]],
    });
    const found = artifactsForKeyHash(circuit, entry.vkHash, dirs);
    artifacts[circuit] = inMemory(found);
    keys[circuit] = { vkHash: entry.vkHash, dir: found.dir };
  }
  return Object.assign(createProver(artifacts), { keys });
}
