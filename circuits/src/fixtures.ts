/**
 * A cache of real Groth16 proofs for tests, committed under circuits/fixtures/.
 *
 * An entry is keyed by sha256(zkey sha256, wasm sha256, canonical input JSON). A cached
 * entry whose key no longer matches (new keys or new input) is recomputed and rewritten,
 * so tests never use a proof made with other keys; `checkFixtures` lets a test assert
 * that every committed fixture is current.
 *
 * Give entries a `name` (as gen-fixtures.ts does): a named entry is re-proven in place.
 * An unnamed entry is filed under its cache key, so new keys leave the old file behind,
 * and checkFixtures reports it as not current.
 *
 * Layout of circuits/fixtures/<circuit>/<name>.json (ProofFixture), chosen to be easy to
 * read with forge's vm.parseJson*: all numbers are decimal strings.
 *   .solidity.a[0..1], .solidity.b[0..1][0..1], .solidity.c[0..1]   verifyProof arguments
 *   .solidity.publicInputs[]                                       public inputs in order
 *   .publicSignals[] .proof (snarkjs JSON) .input (all signals) .context (scenario data)
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CIRCUITS, type CircuitName, circuitsPath, keyPaths } from './artifacts.js';
import { canonicalJson, sha256File, vkHashOfFile } from './ceremony.js';
import {
  type CircuitInput,
  type Groth16Proof,
  normalizeInput,
  prove,
  type SolidityProofJson,
  solidityProofToJson,
  toSolidityProof,
  verify,
} from './prover.js';

export interface ProofFixture {
  version: 1;
  circuit: CircuitName;
  name: string;
  /** sha256(zkeySha256 ":" wasmSha256) of the keys that made the proof. */
  keyHash: string;
  /** sha256(keyHash ":" canonical input JSON): the cache key. */
  cacheKey: string;
  /** vkHash of the verification key (keccak256 of canonical verification_key.json). */
  vkHash: `0x${string}`;
  /** Every circuit input, decimal strings. */
  input: Record<string, string | string[]>;
  /** Public inputs in proof order, decimal strings. */
  publicSignals: string[];
  proof: Groth16Proof;
  solidity: SolidityProofJson;
  /** Free-form scenario data (e.g. the ciphertext whose hash is payloadHash), strings only. */
  context: Record<string, string>;
}

export const FIXTURES_DIR = circuitsPath('fixtures');

export function fixturePath(circuit: CircuitName, name: string): string {
  return `${FIXTURES_DIR}/${circuit}/${name}.json`;
}

const keyHashes = new Map<CircuitName, Promise<string>>();

/** sha256 over the sha256 of the committed zkey and wasm of `circuit` (memoized per process). */
export function currentKeyHash(circuit: CircuitName): Promise<string> {
  let h = keyHashes.get(circuit);
  if (!h) {
    const keys = keyPaths(circuit);
    h = Promise.all([sha256File(keys.zkey), sha256File(keys.wasm)]).then(([zkey, wasm]) => sha256(`${zkey}:${wasm}`));
    keyHashes.set(circuit, h);
  }
  return h;
}

export async function cacheKeyOf(circuit: CircuitName, input: CircuitInput): Promise<string> {
  return sha256(`${await currentKeyHash(circuit)}:${canonicalJson(normalizeInput(input))}`);
}

export interface ProveCachedOptions {
  /** File name under circuits/fixtures/<circuit>/ (default: the first 16 hex digits of the cache key). */
  name?: string;
  context?: Record<string, string>;
}

/** A proof of `input`, from the fixture cache when current, otherwise freshly proven and stored. */
export async function proveCached(
  circuit: CircuitName,
  input: CircuitInput,
  options: ProveCachedOptions = {},
): Promise<ProofFixture> {
  const cacheKey = await cacheKeyOf(circuit, input);
  const name = options.name ?? cacheKey.slice(0, 16);
  const path = fixturePath(circuit, name);
  if (existsSync(path)) {
    const cached = JSON.parse(await readFile(path, 'utf8')) as ProofFixture;
    const sameContext = canonicalJson(cached.context) === canonicalJson(options.context ?? cached.context);
    if (cached.cacheKey === cacheKey && sameContext) return cached;
  }
  const { proof, publicSignals } = await prove(circuit, input);
  const fixture: ProofFixture = {
    version: 1,
    circuit,
    name,
    keyHash: await currentKeyHash(circuit),
    cacheKey,
    vkHash: await vkHashOfFile(keyPaths(circuit).vk),
    input: normalizeInput(input),
    publicSignals,
    proof,
    solidity: solidityProofToJson(toSolidityProof(proof, publicSignals)),
    context: options.context ?? {},
  };
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(fixture, null, 2)}\n`);
  await rename(tmp, path);
  return fixture;
}

/** Read a committed fixture by circuit and name. */
export async function readFixture(circuit: CircuitName, name: string): Promise<ProofFixture> {
  return JSON.parse(await readFile(fixturePath(circuit, name), 'utf8')) as ProofFixture;
}

export interface FixtureStatus {
  path: string;
  circuit: CircuitName;
  name: string;
  /** The fixture was made with the current keys and its cache key matches its input. */
  current: boolean;
  /** The proof verifies against the committed verification key. */
  verifies: boolean;
}

/** Status of every committed fixture. */
export async function checkFixtures(): Promise<FixtureStatus[]> {
  const out: FixtureStatus[] = [];
  for (const circuit of CIRCUITS) {
    const dir = `${FIXTURES_DIR}/${circuit}`;
    if (!existsSync(dir)) continue;
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
      const path = `${dir}/${file}`;
      const f = JSON.parse(await readFile(path, 'utf8')) as ProofFixture;
      const current =
        f.circuit === circuit &&
        f.keyHash === (await currentKeyHash(circuit)) &&
        f.cacheKey === (await cacheKeyOf(circuit, f.input));
      out.push({ path, circuit, name: f.name, current, verifies: await verify(circuit, f.publicSignals, f.proof) });
    }
  }
  return out;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
