/**
 * The DEVELOPMENT ceremony: our own 2^13 powers of tau and a phase 2 per circuit, one
 * contribution and one beacon in each phase. The entropy texts and beacons below are
 * fixed and public (snarkjs still mixes OS randomness into each contribution), so these
 * keys are for development and tests only; production keys come from `pil ceremony`
 * (runbook EP-003).
 *
 * Writes circuits/keys/<circuit>/{<circuit>.wasm, <circuit>_final.zkey,
 * verification_key.json, transcript.json, info.json}. Intermediate files go to
 * circuits/build/ceremony/ (gitignored).
 *
 * Usage: npx tsx circuits/scripts/dev-ceremony.ts [--reuse-ptau] [circuit...]
 *   --reuse-ptau  keep an existing prepared ptau in circuits/build/ceremony (phase 2 only)
 * Takes about 5 minutes; `ptau-prepare-phase2` alone about 3.
 */

import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as snarkjs from 'snarkjs';
import {
  buildPaths,
  CIRCUIT_IDS,
  CIRCUITS,
  type CircuitInfo,
  type CircuitName,
  circuitsPath,
  DEV_PTAU_POWER,
  keyPaths,
  PUBLIC_INPUTS,
} from '../src/artifacts.js';
import {
  type CeremonyProgress,
  exportVerificationKey,
  initTranscript,
  ptauBeacon,
  ptauContribute,
  ptauNew,
  ptauPreparePhase2,
  ptauVerify,
  readTranscript,
  releaseCurves,
  sha256File,
  type Transcript,
  zkeyBeacon,
  zkeyContribute,
  zkeyNew,
  zkeyVerify,
} from '../src/ceremony.js';
import { compileCircuit, constraintCount } from './compile.js';

/** Dev-only beacon: keccak256("PIL dev ceremony beacon v1"), public and fixed. */
const DEV_BEACON = 'fafc836b6486ce6d9985db560b951245f8d2d58390ad897e79286639858ec05d';
const DEV_ENTROPY = 'PIL development ceremony: public, fixed entropy text (dev keys only)';

const work = circuitsPath('build', 'ceremony');
const ptau = {
  p0: `${work}/pot${DEV_PTAU_POWER}_0000.ptau`,
  p1: `${work}/pot${DEV_PTAU_POWER}_0001.ptau`,
  beacon: `${work}/pot${DEV_PTAU_POWER}_beacon.ptau`,
  final: `${work}/pot${DEV_PTAU_POWER}_final.ptau`,
  transcript: `${work}/phase1.transcript.json`,
};

const started = Date.now();
function progress(e: CeremonyProgress): void {
  if (e.level === 'debug') return;
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.warn(`[${t}s] ${e.step}: ${e.message}`);
}

async function phase1(): Promise<void> {
  await rm(ptau.transcript, { force: true });
  await initTranscript(ptau.transcript, 'phase1', true);
  const opts = { onProgress: progress, transcript: ptau.transcript };
  await ptauNew({ power: DEV_PTAU_POWER, out: ptau.p0, ...opts });
  await ptauContribute({ input: ptau.p0, out: ptau.p1, name: 'PIL dev contributor 1', entropy: DEV_ENTROPY, ...opts });
  await ptauBeacon({ input: ptau.p1, out: ptau.beacon, name: 'PIL dev beacon', beaconHash: DEV_BEACON, ...opts });
  await ptauVerify({ ptau: ptau.beacon, ...opts });
  await ptauPreparePhase2({ input: ptau.beacon, out: ptau.final, ...opts });
}

async function phase2(circuit: CircuitName): Promise<void> {
  const build = buildPaths(circuit);
  const keys = keyPaths(circuit);
  compileCircuit(circuit);
  const constraints = await constraintCount(circuit);
  const info = await snarkjs.r1cs.info(build.r1cs);
  const needed = info.nConstraints + info.nPubInputs + info.nOutputs + 1;
  if (needed > 2 ** DEV_PTAU_POWER) {
    throw new Error(`${circuit} needs 2^${Math.ceil(Math.log2(needed))} > 2^${DEV_PTAU_POWER}`);
  }

  await mkdir(keys.dir, { recursive: true });
  // The circuit transcript starts with the phase-1 record, so it is self-contained.
  const phase1Transcript = await readTranscript(ptau.transcript);
  const transcript: Transcript = {
    version: 1,
    subject: circuit,
    devOnly: true,
    entries: [...phase1Transcript.entries],
  };
  await writeFile(keys.transcript, `${JSON.stringify(transcript, null, 2)}\n`);

  const opts = { onProgress: progress, transcript: keys.transcript };
  const z0 = `${work}/${circuit}_0000.zkey`;
  const z1 = `${work}/${circuit}_0001.zkey`;
  await zkeyNew({ r1cs: build.r1cs, ptau: ptau.final, out: z0, ...opts });
  await zkeyContribute({ input: z0, out: z1, name: 'PIL dev contributor 1', entropy: DEV_ENTROPY, ...opts });
  await zkeyBeacon({ input: z1, out: keys.zkey, name: 'PIL dev beacon', beaconHash: DEV_BEACON, ...opts });
  await zkeyVerify({ r1cs: build.r1cs, ptau: ptau.final, zkey: keys.zkey, ...opts });
  const vk = await exportVerificationKey({ zkey: keys.zkey, out: keys.vk, ...opts });
  await copyFile(build.wasm, keys.wasm);

  // Make the transcript paths repo-relative (they are absolute on the machine that ran it).
  const root = `${circuitsPath('..')}/`;
  const text = (await readFile(keys.transcript, 'utf8')).split(root).join('');
  await writeFile(keys.transcript, text);

  const circuitInfo: CircuitInfo = {
    circuit,
    circuitId: CIRCUIT_IDS[circuit],
    constraints,
    wires: info.nVars,
    publicInputs: PUBLIC_INPUTS[circuit],
    privateInputs: info.nPrvInputs,
    ptauPower: DEV_PTAU_POWER,
    vkHash: vk.vkHash!,
    sha256: {
      r1cs: await sha256File(build.r1cs),
      wasm: await sha256File(keys.wasm),
      zkey: await sha256File(keys.zkey),
    },
    compiler: 'circom2 0.2.23 --O2',
    devOnly: true,
  };
  await writeFile(keys.info, `${JSON.stringify(circuitInfo, null, 2)}\n`);
  progress({
    step: 'export-vk',
    level: 'info',
    message: `${circuit}: ${constraints} constraints, vkHash ${vk.vkHash}`,
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const reuse = args.includes('--reuse-ptau');
  const named = args.filter((a) => !a.startsWith('--')) as CircuitName[];
  const circuits = named.length > 0 ? named : [...CIRCUITS];
  await mkdir(work, { recursive: true });
  if (!(reuse && existsSync(ptau.final) && existsSync(ptau.transcript))) await phase1();
  for (const circuit of circuits) await phase2(circuit);
  await releaseCurves();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
