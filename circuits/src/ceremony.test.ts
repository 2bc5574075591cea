/**
 * The whole ceremony, step by step through files, on a one-constraint circuit at 2^4:
 * every step runs on its own (as `pil ceremony` will run them) and the transcript
 * records each one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import * as snarkjs from 'snarkjs';
import { afterAll, describe, expect, it } from 'vitest';
import { circuitsPath } from './artifacts.js';
import {
  CeremonyError,
  type CeremonyProgress,
  canonicalVerificationKeyBytes,
  exportVerificationKey,
  initTranscript,
  ptauBeacon,
  ptauContribute,
  ptauNew,
  ptauPreparePhase2,
  ptauVerify,
  readTranscript,
  vkHashOfFile,
  zkeyBeacon,
  zkeyContribute,
  zkeyNew,
  zkeyVerify,
} from './ceremony.js';

const repo = circuitsPath('..');
const dir = circuitsPath('build', `ceremony-test-${process.pid}`);
const f = (name: string) => `${dir}/${name}`;
const BEACON = '0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ceremony (file to file)', () => {
  it('runs phase 1 and phase 2, verifies, exports a working key and records a transcript', async () => {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      circuitsPath('..', 'node_modules', '.bin', 'circom2'),
      [
        relative(repo, circuitsPath('src', 'testdata', 'multiplier.circom')),
        '--r1cs',
        '--wasm',
        '-o',
        relative(repo, dir),
      ],
      { cwd: repo, stdio: 'ignore' },
    );
    const events: CeremonyProgress[] = [];
    const transcript = f('transcript.json');
    await initTranscript(transcript, 'multiplier', true);
    const opts = { transcript, onProgress: (e: CeremonyProgress) => events.push(e) };

    await ptauNew({ power: 4, out: f('p0.ptau'), ...opts });
    await ptauContribute({ input: f('p0.ptau'), out: f('p1.ptau'), name: 'alice', entropy: 'test', ...opts });
    await ptauBeacon({
      input: f('p1.ptau'),
      out: f('p2.ptau'),
      name: 'beacon',
      beaconHash: BEACON,
      iterationsExp: 10,
      ...opts,
    });
    await ptauVerify({ ptau: f('p2.ptau'), ...opts });
    await ptauPreparePhase2({ input: f('p2.ptau'), out: f('final.ptau'), ...opts });
    await zkeyNew({ r1cs: f('multiplier.r1cs'), ptau: f('final.ptau'), out: f('z0.zkey'), ...opts });
    await zkeyContribute({ input: f('z0.zkey'), out: f('z1.zkey'), name: 'bob', entropy: 'test', ...opts });
    await zkeyBeacon({
      input: f('z1.zkey'),
      out: f('final.zkey'),
      name: 'beacon',
      beaconHash: BEACON,
      iterationsExp: 10,
      ...opts,
    });
    await zkeyVerify({ r1cs: f('multiplier.r1cs'), ptau: f('final.ptau'), zkey: f('final.zkey'), ...opts });
    const vk = await exportVerificationKey({ zkey: f('final.zkey'), out: f('vk.json'), ...opts });

    const t = await readTranscript(transcript);
    expect(t.devOnly).toBe(true);
    expect(t.entries.map((e) => e.step)).toEqual([
      'ptau-new',
      'ptau-contribute',
      'ptau-beacon',
      'ptau-verify',
      'ptau-prepare-phase2',
      'zkey-new',
      'zkey-contribute',
      'zkey-beacon',
      'zkey-verify',
      'export-vk',
    ]);
    expect(t.entries.filter((e) => e.name).map((e) => e.name)).toEqual(['alice', 'beacon', 'bob', 'beacon']);
    for (const e of t.entries.filter((x) => x.name)) expect(e.contributionHash).toMatch(/^[0-9a-f]{128}$/);
    expect(t.entries[2]?.beacon).toEqual({ hash: BEACON.slice(2), iterationsExp: 10 });
    // Each step's input is the previous step's output.
    expect(t.entries[1]?.input?.sha256).toBe(t.entries[0]?.output?.sha256);
    expect(vk.vkHash).toBe(await vkHashOfFile(f('vk.json')));
    const vkJson: unknown = JSON.parse(await readFile(f('vk.json'), 'utf8'));
    expect(new TextDecoder().decode(canonicalVerificationKeyBytes(vkJson))).toBe(await readFile(f('vk.json'), 'utf8'));
    expect(events.some((e) => e.step === 'zkey-verify' && e.message === 'done')).toBe(true);

    // The key proves and verifies.
    const { proof, publicSignals } = await snarkjs.groth16.fullProve(
      { a: '3', b: '11' },
      f('multiplier_js/multiplier.wasm'),
      f('final.zkey'),
    );
    expect(publicSignals).toEqual(['33', '3']);
    expect(await snarkjs.groth16.verify(vkJson as snarkjs.VerificationKey, publicSignals, proof)).toBe(true);

    // A zkey does not verify against another ptau (here: the unprepared one is refused).
    await expect(
      zkeyVerify({ r1cs: f('multiplier.r1cs'), ptau: f('p1.ptau'), zkey: f('final.zkey') }),
    ).rejects.toThrow();
    await expect(
      zkeyBeacon({ input: f('z1.zkey'), out: f('bad.zkey'), name: 'x', beaconHash: 'nothex' }),
    ).rejects.toBeInstanceOf(CeremonyError);
  });
});
