import { describe, expect, it } from 'vitest';
import { CIRCUITS, PUBLIC_INPUTS } from './artifacts.js';
import { readFixture } from './fixtures.js';
import { prove, solidityProofFromJson, solidityProofToJson, toSolidityProof, verify } from './prover.js';
import { createScenario } from './scenarios.js';

describe('prover', () => {
  it('proves and verifies a fresh container_create proof', async () => {
    const { input } = await createScenario('fresh');
    const { proof, publicSignals } = await prove('container_create', input);
    expect(publicSignals).toEqual([input.commitment, input.policyHash, input.payloadHash].map(String));
    expect(await verify('container_create', publicSignals, proof)).toBe(true);
  });

  it.each(CIRCUITS)('%s: a committed proof verifies; a tampered public input fails', async (circuit) => {
    const name = circuit === 'container_create' ? 'create' : 'export';
    const f = await readFixture(circuit, name);
    expect(f.publicSignals.length).toBe(PUBLIC_INPUTS[circuit].length);
    expect(await verify(circuit, f.publicSignals, f.proof)).toBe(true);
    for (let i = 0; i < f.publicSignals.length; i++) {
      const tampered = [...f.publicSignals];
      tampered[i] = (BigInt(tampered[i]!) + 1n).toString();
      expect(await verify(circuit, tampered, f.proof)).toBe(false);
    }
  });

  it('refuses a proof under the other circuit key', async () => {
    const create = await readFixture('container_create', 'create');
    const spend = await readFixture('container_spend', 'export');
    expect(await verify('container_spend', spend.publicSignals, create.proof)).toBe(false);
    expect(await verify('container_create', create.publicSignals, spend.proof)).toBe(false);
    expect(await verify('container_create', spend.publicSignals.slice(0, 3), spend.proof)).toBe(false);
  });

  it('formats Solidity calldata with swapped G2 coordinates, round-tripping through JSON', async () => {
    const f = await readFixture('container_spend', 'consume');
    const s = toSolidityProof(f.proof, f.publicSignals);
    expect(s.b[0]).toEqual([BigInt(f.proof.pi_b[0]![1]!), BigInt(f.proof.pi_b[0]![0]!)]);
    expect(s.publicInputs.map(String)).toEqual(f.publicSignals);
    expect(solidityProofFromJson(solidityProofToJson(s))).toEqual(s);
    expect(solidityProofToJson(s)).toEqual(f.solidity);
  });
});
