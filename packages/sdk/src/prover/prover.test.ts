// The Node prover keeps one compiled witness calculator per circuit: proofs requested at
// the same time must each prove their own input (a shared wasm instance mixed them once).
import { afterAll, describe, expect, it } from 'vitest';
import { buildCreateInput } from '../crypto/inputs.js';
import { createNodeProver } from '../node/prover.js';

const prover = createNodeProver();
afterAll(() => prover.terminate());

describe('prover', () => {
  it('proves concurrent requests for one circuit each for its own input', async () => {
    const policy = { minAmount: 1n, maxAmount: 1_000n, policySalt: 3n };
    const inputs = await Promise.all(
      [1n, 2n, 3n].map(
        async (i) =>
          (
            await buildCreateInput({
              note: { npk: 5n + i, amount: 100n + i, stateHash: i, payloadHash: 7n, blinding: 11n + i },
              policy,
            })
          ).input,
      ),
    );
    const results = await Promise.all(inputs.map((input) => prover.prove('container_create', input)));
    for (const [i, r] of results.entries()) {
      expect(r.publicSignals[0]).toBe(String(inputs[i]!.commitment));
      expect(await prover.verify('container_create', r)).toBe(true);
    }
  }, 60_000);

  it('a failed witness does not break the next proof', async () => {
    const policy = { minAmount: 1n, maxAmount: 10n, policySalt: 3n };
    const note = { npk: 5n, amount: 5n, stateHash: 1n, payloadHash: 7n, blinding: 11n };
    const { input } = await buildCreateInput({ note, policy });
    const outOfRange = { ...input, amount: 11n };
    await expect(prover.prove('container_create', outOfRange)).rejects.toThrow(/Proving container_create failed/);
    const r = await prover.prove('container_create', input);
    expect(r.publicSignals[0]).toBe(String(input.commitment));
  }, 60_000);
});
