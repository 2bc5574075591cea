/**
 * Trusted-setup ceremony for PIL's Groth16 circuits (protocol.md §4 "Keys"), on top of
 * the snarkjs API.
 *
 * Every step reads its input file(s) and writes a new file, so steps can run on different
 * machines by different people and be wrapped one-to-one by the CLI
 * (`pil ceremony new|contribute|beacon|verify|finalize`). Each step may append a record
 * to a transcript JSON (contributor names, contribution hashes, beacon, file hashes).
 *
 * Phase 1 (powers of tau, shared by all circuits):
 *   ptauNew → ptauContribute* → ptauBeacon → ptauPreparePhase2 (→ ptauVerify)
 * Phase 2 (per circuit):
 *   zkeyNew → zkeyContribute* → zkeyBeacon → zkeyVerify → exportVerificationKey
 *
 * Node-only (file system, worker threads).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as snarkjs from 'snarkjs';
import { keccak256 } from 'viem';

/** A progress event: snarkjs' log lines plus step boundaries. */
export interface CeremonyProgress {
  step: CeremonyStepName;
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
}

export type ProgressCallback = (event: CeremonyProgress) => void;

export type CeremonyStepName =
  | 'ptau-new'
  | 'ptau-contribute'
  | 'ptau-beacon'
  | 'ptau-prepare-phase2'
  | 'ptau-verify'
  | 'zkey-new'
  | 'zkey-contribute'
  | 'zkey-beacon'
  | 'zkey-verify'
  | 'export-vk';

/** One transcript record. Hashes are hex strings without 0x unless stated. */
export interface TranscriptEntry {
  step: CeremonyStepName;
  /** ISO time the step finished. */
  at: string;
  /** Contributor name (contribute and beacon steps). */
  name?: string;
  /** snarkjs contribution hash (blake2b-512 of the response), hex. */
  contributionHash?: string;
  /** Beacon value (hex) and 2^iterationsExp hash iterations. */
  beacon?: { hash: string; iterationsExp: number };
  /** snarkjs circuit hash (zkey-new), hex. */
  circuitHash?: string;
  /** File the step read and wrote, with their sha256. */
  input?: FileRef;
  output?: FileRef;
  /** Verification outcome (verify steps). */
  ok?: boolean;
  /** keccak256 of the canonical verification_key.json (export-vk), 0x-prefixed. */
  vkHash?: `0x${string}`;
}

export interface FileRef {
  path: string;
  sha256: string;
}

export interface Transcript {
  version: 1;
  /** What this transcript is about, e.g. "phase1" or a circuit name. */
  subject: string;
  /** True for development ceremonies with fixed, public entropy: never use these keys in production. */
  devOnly: boolean;
  entries: TranscriptEntry[];
}

/** Options every step accepts. */
export interface StepOptions {
  onProgress?: ProgressCallback;
  /** Transcript JSON to append this step's record to (created if missing). */
  transcript?: string;
}

export class CeremonyError extends Error {
  override readonly name = 'CeremonyError';
  readonly step: CeremonyStepName;
  constructor(step: CeremonyStepName, message: string) {
    super(`${step}: ${message}`);
    this.step = step;
  }
}

// ---------------------------------------------------------------------------
// Phase 1: powers of tau

export interface PtauNewParams extends StepOptions {
  /** Log2 of the maximum number of constraints (2^power). */
  power: number;
  out: string;
}

/** Start a new powers-of-tau accumulator over BN254. */
export async function ptauNew(params: PtauNewParams): Promise<TranscriptEntry> {
  const step = 'ptau-new';
  await ensureDir(params.out);
  const curve = await snarkjs.curves.getCurveFromName('bn128');
  await snarkjs.powersOfTau.newAccumulator(curve, params.power, params.out, logger(step, params.onProgress));
  return record(step, params, { output: await fileRef(params.out) });
}

export interface ContributeParams extends StepOptions {
  input: string;
  out: string;
  /** Contributor name, recorded in the file and the transcript. */
  name: string;
  /**
   * Entropy text. snarkjs mixes it with 64 bytes from the OS RNG, so even a fixed text
   * yields a fresh, secret contribution; a fixed text is still only acceptable for dev keys.
   */
  entropy: string;
}

/** Add a contribution to a powers-of-tau file. */
export async function ptauContribute(params: ContributeParams): Promise<TranscriptEntry> {
  const step = 'ptau-contribute';
  await ensureDir(params.out);
  const hash = await snarkjs.powersOfTau.contribute(
    params.input,
    params.out,
    params.name,
    params.entropy,
    logger(step, params.onProgress),
  );
  return record(step, params, {
    name: params.name,
    contributionHash: toHex(hash),
    input: await fileRef(params.input),
    output: await fileRef(params.out),
  });
}

export interface BeaconParams extends StepOptions {
  input: string;
  out: string;
  name: string;
  /** Public random value (hex, e.g. a future block hash), announced before it was known. */
  beaconHash: string;
  /** The beacon is hashed 2^iterationsExp times; snarkjs accepts 10..63 (default 10). */
  iterationsExp?: number;
}

/** Apply a random beacon to a powers-of-tau file (the last phase-1 contribution). */
export async function ptauBeacon(params: BeaconParams): Promise<TranscriptEntry> {
  const step = 'ptau-beacon';
  await ensureDir(params.out);
  const iterationsExp = params.iterationsExp ?? 10;
  const beaconHash = beaconHex(step, params.beaconHash);
  const log = logger(step, params.onProgress);
  const hash = await snarkjs.powersOfTau.beacon(params.input, params.out, params.name, beaconHash, iterationsExp, log);
  if (hash === false) throw new CeremonyError(step, log.lastError ?? 'snarkjs refused the beacon');
  return record(step, params, {
    name: params.name,
    contributionHash: toHex(hash),
    beacon: { hash: beaconHash, iterationsExp },
    input: await fileRef(params.input),
    output: await fileRef(params.out),
  });
}

export interface FileToFileParams extends StepOptions {
  input: string;
  out: string;
}

/** Compute the Lagrange-basis sections phase 2 needs (the slow step: minutes at 2^13). */
export async function ptauPreparePhase2(params: FileToFileParams): Promise<TranscriptEntry> {
  const step = 'ptau-prepare-phase2';
  await ensureDir(params.out);
  await snarkjs.powersOfTau.preparePhase2(params.input, params.out, logger(step, params.onProgress));
  return record(step, params, { input: await fileRef(params.input), output: await fileRef(params.out) });
}

export interface PtauVerifyParams extends StepOptions {
  ptau: string;
}

/** Verify every contribution of a powers-of-tau file. Throws if it does not verify. */
export async function ptauVerify(params: PtauVerifyParams): Promise<TranscriptEntry> {
  const step = 'ptau-verify';
  const log = logger(step, params.onProgress);
  const ok = await snarkjs.powersOfTau.verify(params.ptau, log);
  if (!ok) throw new CeremonyError(step, `${params.ptau} does not verify${log.lastError ? `: ${log.lastError}` : ''}`);
  return record(step, params, { input: await fileRef(params.ptau), ok });
}

// ---------------------------------------------------------------------------
// Phase 2: per circuit

export interface ZkeyNewParams extends StepOptions {
  r1cs: string;
  /** A phase-2-prepared powers-of-tau file. */
  ptau: string;
  out: string;
}

/** Start the circuit-specific phase 2 from a prepared ptau. */
export async function zkeyNew(params: ZkeyNewParams): Promise<TranscriptEntry> {
  const step = 'zkey-new';
  await ensureDir(params.out);
  const log = logger(step, params.onProgress);
  const csHash = await snarkjs.zKey.newZKey(params.r1cs, params.ptau, params.out, log);
  if (csHash === -1) throw new CeremonyError(step, log.lastError ?? 'snarkjs could not create the zkey');
  return record(step, params, {
    circuitHash: toHex(csHash),
    input: await fileRef(params.ptau),
    output: await fileRef(params.out),
  });
}

/** Add a phase-2 contribution to a zkey. */
export async function zkeyContribute(params: ContributeParams): Promise<TranscriptEntry> {
  const step = 'zkey-contribute';
  await ensureDir(params.out);
  const hash = await snarkjs.zKey.contribute(
    params.input,
    params.out,
    params.name,
    params.entropy,
    logger(step, params.onProgress),
  );
  return record(step, params, {
    name: params.name,
    contributionHash: toHex(hash),
    input: await fileRef(params.input),
    output: await fileRef(params.out),
  });
}

/** Apply the final random beacon to a zkey. */
export async function zkeyBeacon(params: BeaconParams): Promise<TranscriptEntry> {
  const step = 'zkey-beacon';
  await ensureDir(params.out);
  const iterationsExp = params.iterationsExp ?? 10;
  const beaconHash = beaconHex(step, params.beaconHash);
  const log = logger(step, params.onProgress);
  const hash = await snarkjs.zKey.beacon(params.input, params.out, params.name, beaconHash, iterationsExp, log);
  if (hash === false) throw new CeremonyError(step, log.lastError ?? 'snarkjs refused the beacon');
  return record(step, params, {
    name: params.name,
    contributionHash: toHex(hash),
    beacon: { hash: beaconHash, iterationsExp },
    input: await fileRef(params.input),
    output: await fileRef(params.out),
  });
}

export interface ZkeyVerifyParams extends StepOptions {
  r1cs: string;
  ptau: string;
  zkey: string;
}

/** Check a zkey against its circuit and ptau, replaying every contribution. Throws if it fails. */
export async function zkeyVerify(params: ZkeyVerifyParams): Promise<TranscriptEntry> {
  const step = 'zkey-verify';
  const log = logger(step, params.onProgress);
  const ok = await snarkjs.zKey.verifyFromR1cs(params.r1cs, params.ptau, params.zkey, log);
  if (!ok) {
    throw new CeremonyError(
      step,
      `${params.zkey} does not verify against ${params.r1cs}${log.lastError ? `: ${log.lastError}` : ''}`,
    );
  }
  return record(step, params, { input: await fileRef(params.zkey), ok });
}

export interface ExportVkParams extends StepOptions {
  zkey: string;
  out: string;
}

/** Export verification_key.json in canonical form and return its vkHash. */
export async function exportVerificationKey(params: ExportVkParams): Promise<TranscriptEntry> {
  const step = 'export-vk';
  await ensureDir(params.out);
  const vk = await snarkjs.zKey.exportVerificationKey(params.zkey, logger(step, params.onProgress));
  const bytes = canonicalVerificationKeyBytes(vk);
  await writeFile(params.out, bytes);
  return record(step, params, {
    input: await fileRef(params.zkey),
    output: await fileRef(params.out),
    vkHash: keccak256(bytes),
  });
}

// ---------------------------------------------------------------------------
// Canonical bytes, hashes, transcripts

/**
 * The canonical bytes of a verification key: JSON with object keys sorted
 * recursively, two-space indentation, and a trailing newline. `vkHash` is keccak256
 * of exactly these bytes (protocol.md §4).
 */
export function canonicalVerificationKeyBytes(vk: unknown): Uint8Array {
  return new TextEncoder().encode(`${canonicalJson(vk, 2)}\n`);
}

/** vkHash of a verification_key.json file: keccak256 of its canonical bytes. */
export async function vkHashOfFile(path: string): Promise<`0x${string}`> {
  const vk: unknown = JSON.parse(await readFile(path, 'utf8'));
  return keccak256(canonicalVerificationKeyBytes(vk));
}

/** JSON with recursively sorted object keys (stable across producers). */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export async function sha256File(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

export async function readTranscript(path: string): Promise<Transcript> {
  return JSON.parse(await readFile(path, 'utf8')) as Transcript;
}

/** Create a transcript file if it does not exist yet. */
export async function initTranscript(path: string, subject: string, devOnly: boolean): Promise<void> {
  if (existsSync(path)) return;
  await writeJsonAtomic(path, { version: 1, subject, devOnly, entries: [] } satisfies Transcript);
}

/** Append one entry to a transcript (creating it with subject "unknown" if needed). */
export async function appendTranscript(path: string, entry: TranscriptEntry): Promise<void> {
  const transcript: Transcript = existsSync(path)
    ? await readTranscript(path)
    : { version: 1, subject: 'unknown', devOnly: false, entries: [] };
  transcript.entries.push(entry);
  await writeJsonAtomic(path, transcript);
}

/** Stop snarkjs' worker threads so a script can exit. */
export async function releaseCurves(): Promise<void> {
  const g = globalThis as { curve_bn128?: snarkjs.Curve };
  if (g.curve_bn128) {
    await g.curve_bn128.terminate();
    delete g.curve_bn128;
  }
}

async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await ensureDir(path);
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(tmp, path);
}

async function record(
  step: CeremonyStepName,
  opts: StepOptions,
  fields: Omit<TranscriptEntry, 'step' | 'at'>,
): Promise<TranscriptEntry> {
  const entry: TranscriptEntry = { step, at: new Date().toISOString(), ...fields };
  opts.onProgress?.({ step, level: 'info', message: 'done' });
  if (opts.transcript) await appendTranscript(opts.transcript, entry);
  return entry;
}

async function fileRef(path: string): Promise<FileRef> {
  return { path, sha256: await sha256File(path) };
}

async function ensureDir(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
}

/** A snarkjs logger forwarding to the progress callback and remembering the last error line. */
function logger(step: CeremonyStepName, cb: ProgressCallback | undefined): snarkjs.Logger & { lastError?: string } {
  const l: snarkjs.Logger & { lastError?: string } = {
    debug: (message) => cb?.({ step, level: 'debug', message }),
    info: (message) => cb?.({ step, level: 'info', message }),
    warn: (message) => cb?.({ step, level: 'warn', message }),
    error: (message) => {
      l.lastError = message;
      cb?.({ step, level: 'error', message });
    },
  };
  return l;
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function beaconHex(step: CeremonyStepName, hex: string): string {
  const h = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (!/^([0-9a-fA-F]{2})+$/.test(h)) throw new CeremonyError(step, `the beacon must be hex bytes, got ${hex}`);
  return h.toLowerCase();
}
