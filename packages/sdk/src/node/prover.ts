/**
 * The Node prover over the circuit artifacts shipped in the package
 * (`artifacts/<circuit>/{<circuit>.wasm, <circuit>_final.zkey, verification_key.json}`;
 * in the monorepo, `circuits/keys/<circuit>/` when the package is not built).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors/families.js';
import {
  CIRCUITS,
  type CircuitArtifacts,
  type CircuitName,
  createProver,
  type Prover,
  type VerificationKey,
} from '../prover/prover.js';

/** Directory holding `<circuit>/` artifact folders: the package's own, else the monorepo's keys. */
export function artifactsDir(): string {
  const shipped = fileURLToPath(new URL('../../artifacts/', import.meta.url));
  if (existsSync(`${shipped}container_spend`)) return shipped;
  const monorepo = fileURLToPath(new URL('../../../../circuits/keys/', import.meta.url));
  if (existsSync(`${monorepo}container_spend`)) return monorepo;
  throw new ConfigError('The circuit artifacts are missing', {
    details: `looked in ${shipped} and ${monorepo}`,
    hint: 'Reinstall @pil/sdk (the package ships them) or run `npm run build` in packages/sdk',
    docsPath: '#prover',
  });
}

/** Paths of one circuit's artifacts (optionally under another directory, e.g. production keys). */
export function circuitArtifacts(circuit: CircuitName, dir = artifactsDir()): CircuitArtifacts & { vkPath: string } {
  const base = `${dir.replace(/\/$/, '')}/${circuit}`;
  const vkPath = `${base}/verification_key.json`;
  return {
    wasm: `${base}/${circuit}.wasm`,
    zkey: `${base}/${circuit}_final.zkey`,
    verificationKey: JSON.parse(readFileSync(vkPath, 'utf8')) as VerificationKey,
    vkPath,
  };
}

/**
 * The artifacts' bytes, read once: snarkjs would otherwise read and parse the files on
 * every proof (about 30 ms of a 1 s spend proof).
 */
export function inMemory(artifacts: CircuitArtifacts): CircuitArtifacts {
  const load = (v: string | Uint8Array) => (typeof v === 'string' ? new Uint8Array(readFileSync(v)) : v);
  return { ...artifacts, wasm: load(artifacts.wasm), zkey: load(artifacts.zkey) };
}

/** A prover over the shipped artifacts (or those under `dir`), held in memory. */
export function createNodeProver(options: { artifactsDir?: string | undefined } = {}): Prover {
  const dir = options.artifactsDir ?? artifactsDir();
  const artifacts = Object.fromEntries(
    CIRCUITS.map((c) => [c, inMemory(circuitArtifacts(c, dir))]),
  ) as unknown as Record<CircuitName, CircuitArtifacts>;
  return createProver(artifacts);
}
