// EP-003 `pil ceremony` on a tiny circuit (circuits/src/testdata/multiplier.circom,
// 2^4 powers of tau): each step run as its own command on files handed over,
// the transcript, the errors (nothing written), and a working final key.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as snarkjs from 'snarkjs';
import { describe, expect, it } from 'vitest';
import { circuitsPath } from '../../../../circuits/src/artifacts.js';
import { releaseCurves, vkHashOfFile } from '../../../../circuits/src/ceremony.js';
import { runCli } from '../test-utils/run.js';

const BEACON = '0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20';

describe('pil ceremony (multiplier circuit, 2^4)', () => {
  it('runs new → contribute ×2 (on other "machines") → beacon → verify → finalize, with a transcript and a key that proves', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pil-ceremony-'));
    const build = path.join(circuitsPath('build'), `cli-ceremony-${process.pid}`);
    mkdirSync(build, { recursive: true });
    const repo = circuitsPath('..');
    execFileSync(
      circuitsPath('..', 'node_modules', '.bin', 'circom2'),
      [
        path.relative(repo, circuitsPath('src', 'testdata', 'multiplier.circom')),
        '--r1cs',
        '--wasm',
        '-o',
        path.relative(repo, build),
      ],
      { cwd: repo, stdio: 'ignore' },
    );
    const cli = (argv: string[]) => runCli(argv, { cwd: root });
    const coordinator = path.join(root, 'coordinator');

    const t0 = Date.now();
    const created = await cli([
      'ceremony',
      'new',
      '--circuit',
      path.join(build, 'multiplier.r1cs'),
      '--power',
      '4',
      '--wasm',
      path.join(build, 'multiplier_js', 'multiplier.wasm'),
      '--dir',
      coordinator,
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const zkey0 = JSON.parse(created.stdout).zkey as string;
    expect(path.basename(zkey0)).toBe('multiplier_0000.zkey');
    expect(created.stderr).toMatch(/phase 1/);
    const again = await cli([
      'ceremony',
      'new',
      '--circuit',
      path.join(build, 'multiplier.r1cs'),
      '--power',
      '4',
      '--dir',
      coordinator,
    ]);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/already holds a ceremony/);
    expect(
      (await cli(['ceremony', 'new', '--circuit', 'nope', '--power', '4', '--dir', path.join(root, 'x')])).code,
    ).toBe(5);

    // Alice works on her own machine with the file she was handed, then hands hers back.
    const alice = path.join(root, 'alice');
    mkdirSync(alice);
    copyFileSync(zkey0, path.join(alice, 'in.zkey'));
    const a = await cli([
      'ceremony',
      'contribute',
      path.join(alice, 'in.zkey'),
      '--name',
      'alice',
      '--out',
      path.join(alice, 'out.zkey'),
      '--transcript',
      path.join(alice, 'alice.json'),
      '--json',
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).contributionHash).toMatch(/^[0-9a-f]{128}$/);
    copyFileSync(path.join(alice, 'out.zkey'), path.join(coordinator, 'multiplier_0001.zkey'));
    const b = await cli(['ceremony', 'contribute', path.join(coordinator, 'multiplier_0001.zkey'), '--name', 'bob']);
    expect(b.code, b.stderr).toBe(0);
    expect(existsSync(path.join(coordinator, 'multiplier_0002.zkey'))).toBe(true);
    expect(b.stdout).toMatch(/contribution hash \(publish it\)/);

    expect(
      (await cli(['ceremony', 'beacon', path.join(coordinator, 'multiplier_0002.zkey'), '--beacon', 'nothex'])).code,
    ).toBe(5);
    expect((await cli(['ceremony', 'contribute', path.join(coordinator, 'missing.zkey'), '--name', 'x'])).code).toBe(5);
    const beacon = await cli([
      'ceremony',
      'beacon',
      path.join(coordinator, 'multiplier_0002.zkey'),
      '--beacon',
      BEACON,
    ]);
    expect(beacon.code, beacon.stderr).toBe(0);
    const last = path.join(coordinator, 'multiplier_0003.zkey');

    const verified = await cli(['ceremony', 'verify', last, '--json']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout).contributors.map((c: { name: string }) => c.name)).toEqual(['bob', 'beacon']);
    // A corrupted zkey does not verify: exit 8.
    const bad = path.join(coordinator, 'bad.zkey');
    const bytes = readFileSync(last);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(bad, bytes);
    expect((await cli(['ceremony', 'verify', bad])).code).not.toBe(0);

    const fin = await cli(['ceremony', 'finalize', last, '--out', path.join(root, 'keys'), '--json']);
    expect(fin.code, fin.stderr).toBe(0);
    const out = JSON.parse(fin.stdout);
    const dir = path.join(root, 'keys', 'multiplier');
    expect(out.vkHash).toBe(await vkHashOfFile(path.join(dir, 'verification_key.json')));
    const info = JSON.parse(readFileSync(path.join(dir, 'info.json'), 'utf8'));
    expect(info).toMatchObject({ verified: true, beaconApplied: true, contributors: ['bob'] });
    const transcript = JSON.parse(readFileSync(path.join(dir, 'transcript.json'), 'utf8'));
    expect(transcript.entries.map((e: { step: string }) => e.step)).toEqual([
      'ptau-new',
      'ptau-contribute',
      'ptau-prepare-phase2',
      'zkey-new',
      'zkey-contribute',
      'zkey-beacon',
      'zkey-verify',
      'zkey-verify',
      'export-vk',
    ]);
    const aliceT = JSON.parse(readFileSync(path.join(alice, 'alice.json'), 'utf8'));
    expect(aliceT.entries[0]).toMatchObject({ step: 'zkey-contribute', name: 'alice' });

    const { proof, publicSignals } = await snarkjs.groth16.fullProve(
      { a: '3', b: '11' },
      path.join(dir, 'multiplier.wasm'),
      path.join(dir, 'multiplier_final.zkey'),
    );
    const vk = JSON.parse(readFileSync(path.join(dir, 'verification_key.json'), 'utf8'));
    expect(await snarkjs.groth16.verify(vk, publicSignals, proof)).toBe(true);
    await releaseCurves();
    rmSync(build, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 120_000);
});
