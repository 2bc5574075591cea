import { describe, expect, it } from 'vitest';
import { FIELD_MODULUS, FieldRangeError } from './field.js';
import { getPoseidon, poseidon } from './poseidon.js';

describe('poseidon', () => {
  it('matches circomlib reference values', async () => {
    // circomlib test/poseidoncircuit.js
    expect(await poseidon([1n, 2n])).toBe(
      7853200120776062878684798364095072458815029376092732009249414926327459813530n,
    );
    expect(await poseidon([1n, 2n, 0n, 0n, 0n])).toBe(
      1018317224307729531995786483840663576608797660851238720571059489595066344487n,
    );
  });

  it('is built once', async () => {
    expect(await getPoseidon()).toBe(await getPoseidon());
  });

  it('refuses non-field inputs and bad arity', async () => {
    const h = await getPoseidon();
    expect(() => h([FIELD_MODULUS])).toThrow(FieldRangeError);
    expect(() => h([-1n])).toThrow(FieldRangeError);
    expect(() => h([])).toThrow(RangeError);
    expect(() => h(new Array<bigint>(17).fill(0n))).toThrow(RangeError);
  });
});
