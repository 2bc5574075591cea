/** The committed dev keys are consistent with their info.json and transcript. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CIRCUIT_IDS, CIRCUITS, type CircuitInfo, keyPaths, PUBLIC_INPUTS } from './artifacts.js';
import { readTranscript, sha256File, vkHashOfFile } from './ceremony.js';
import { loadVerificationKey } from './prover.js';

describe.each(CIRCUITS)('circuits/keys/%s', (circuit) => {
  const keys = keyPaths(circuit);

  it('info.json matches the committed files', async () => {
    const info = JSON.parse(await readFile(keys.info, 'utf8')) as CircuitInfo;
    expect(info.circuit).toBe(circuit);
    expect(info.circuitId).toBe(CIRCUIT_IDS[circuit]);
    expect(info.publicInputs).toEqual(PUBLIC_INPUTS[circuit]);
    expect(info.vkHash).toBe(await vkHashOfFile(keys.vk));
    expect(info.sha256.zkey).toBe(await sha256File(keys.zkey));
    expect(info.sha256.wasm).toBe(await sha256File(keys.wasm));
    expect(info.constraints + PUBLIC_INPUTS[circuit].length + 1).toBeLessThanOrEqual(2 ** info.ptauPower);
    expect(info.devOnly).toBe(true);
    const vk = await loadVerificationKey(circuit);
    expect(vk.nPublic).toBe(PUBLIC_INPUTS[circuit].length);
    expect(vk.protocol).toBe('groth16');
    expect(vk.curve).toBe('bn128');
  });

  it('transcript.json records a contribution and a beacon in each phase, verification, and the vkHash', async () => {
    const t = await readTranscript(keys.transcript);
    expect(t.subject).toBe(circuit);
    expect(t.devOnly).toBe(true);
    const steps = t.entries.map((e) => e.step);
    for (const step of [
      'ptau-contribute',
      'ptau-beacon',
      'ptau-verify',
      'zkey-contribute',
      'zkey-beacon',
      'zkey-verify',
    ]) {
      expect(steps).toContain(step);
    }
    expect(t.entries.filter((e) => e.ok !== undefined).every((e) => e.ok)).toBe(true);
    const beacon = t.entries.find((e) => e.step === 'zkey-beacon');
    expect(beacon?.output?.sha256).toBe(await sha256File(keys.zkey));
    expect(t.entries.at(-1)?.vkHash).toBe(await vkHashOfFile(keys.vk));
  });
});
