/**
 * The compiled circuits (committed wasm) against the TypeScript crypto and
 * docs/spec/vectors.json. The witness generator enforces every `===` constraint, so a
 * successful witness calculation means the circuit accepts the TypeScript values.
 */
import { readFileSync } from 'node:fs';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  buildCreateInput,
  buildSpendInput,
  CommitmentTree,
  computeDomainId,
  computeNpk,
  computePayloadHash,
  policySaltOf,
} from '../../packages/sdk/src/crypto/index.js';
import { PUBLIC_INPUTS } from './artifacts.js';
import { calculateWitness } from './prover.js';
import { createScenario, spendScenario, testField } from './scenarios.js';

const vectors = JSON.parse(readFileSync(new URL('../../docs/spec/vectors.json', import.meta.url), 'utf8'));

describe('container_create', () => {
  it('accepts the TypeScript note and exposes [commitment, policyHash, payloadHash]', async () => {
    const { input } = await createScenario('A');
    const w = await calculateWitness('container_create', input);
    expect(w.slice(1, 4)).toEqual([input.commitment, input.policyHash, input.payloadHash]);
    expect(PUBLIC_INPUTS.container_create).toEqual(['commitment', 'policyHash', 'payloadHash']);
  });

  it('refuses a wrong commitment or policy hash', async () => {
    const { input } = await createScenario('A');
    await expect(
      calculateWitness('container_create', { ...input, commitment: input.commitment + 1n }),
    ).rejects.toThrow();
    await expect(
      calculateWitness('container_create', { ...input, policyHash: input.policyHash + 1n }),
    ).rejects.toThrow();
  });

  it('enforces minAmount <= amount <= maxAmount and 64-bit values', async () => {
    const { input } = await createScenario('A');
    // Same commitment as a prover would claim, but amount outside [min, max].
    await expect(calculateWitness('container_create', { ...input, minAmount: input.amount + 1n })).rejects.toThrow();
    await expect(calculateWitness('container_create', { ...input, maxAmount: input.amount - 1n })).rejects.toThrow();
    await expect(calculateWitness('container_create', { ...input, amount: 1n << 64n })).rejects.toThrow();
  });
});

describe('container_spend', () => {
  it('accepts a TypeScript spend deep in a tree and exposes the 7 public inputs in order', async () => {
    const { input } = await spendScenario({ kind: 'export', label: 'D', leafIndex: 4, treeSize: 5 });
    const w = await calculateWitness('container_spend', input);
    expect(w.slice(1, 8)).toEqual([
      input.root,
      input.nullifier,
      input.srcDomain,
      input.dstDomain,
      input.dstCommitment,
      input.policyHash,
      input.dstPayloadHash,
    ]);
  });

  it('refuses a wrong root, nullifier, destination commitment or leaf index', async () => {
    const { input } = await spendScenario({ kind: 'consume', label: 'D', leafIndex: 4, treeSize: 5 });
    for (const tampered of [
      { root: input.root + 1n },
      { nullifier: input.nullifier + 1n },
      { dstCommitment: input.dstCommitment + 1n },
      { leafIndex: 5n },
    ]) {
      await expect(calculateWitness('container_spend', { ...input, ...tampered })).rejects.toThrow();
    }
  });

  it('enforces b = 1 => e = 1, boolean flags and zero siblings where e = 0', async () => {
    const { input } = await spendScenario({ kind: 'consume', label: 'D', leafIndex: 4, treeSize: 5 });
    // Level 2: leaf 4 is a right child there (4 = 0b100) and has a sibling.
    const noSibling = [...input.siblingExists];
    noSibling[2] = 0n;
    // lean_imt.circom line 36: bits.out[l] * (1 - siblingExists[l]) === 0.
    await expect(calculateWitness('container_spend', { ...input, siblingExists: noSibling })).rejects.toThrow(
      /LeanIMTMembership_\d+ line: 36/,
    );
    // Level 0 has no sibling: a non-zero sibling there is refused.
    const junk = [...input.siblings];
    junk[0] = 1n;
    await expect(calculateWitness('container_spend', { ...input, siblings: junk })).rejects.toThrow(
      /LeanIMTMembership_\d+ line: 38/,
    );
    const twos = [...input.siblingExists];
    twos[5] = 2n;
    await expect(calculateWitness('container_spend', { ...input, siblingExists: twos })).rejects.toThrow(
      /LeanIMTMembership_\d+ line: 34/,
    );
  });
});

describe('docs/spec/vectors.json (circuits)', () => {
  it('container_create agrees with every note vector', async () => {
    for (const { inputs, expected } of vectors.notes) {
      expect(policySaltOf(inputs.policyName).toString()).toBe(expected.policySalt);
      const w = await calculateWitness('container_create', {
        commitment: expected.commitment,
        policyHash: expected.policyHash,
        payloadHash: expected.payloadHash,
        npk: expected.npk,
        amount: inputs.amount,
        stateHash: inputs.stateHash,
        blinding: inputs.blinding,
        minAmount: inputs.minAmount,
        maxAmount: inputs.maxAmount,
        policySalt: expected.policySalt,
      });
      expect(w.slice(1, 4).map(String)).toEqual([expected.commitment, expected.policyHash, expected.payloadHash]);
    }
  });

  it('container_spend agrees with the vector tree root, path and nullifier of note B', async () => {
    const b = vectors.notes[1];
    const p = vectors.tree.paths.find((x: { leafIndex: number }) => x.leafIndex === b.inputs.leafIndex);
    expect(p.leaf).toBe(b.expected.commitment);
    const dstNpk = await computeNpk(testField('vector dst secret'));
    const dstPayloadHash = computePayloadHash('0x1234' as Hex);
    // The circuit checks the expected root and nullifier as public inputs; the TypeScript
    // builder recomputes dstCommitment.
    const { input } = await buildSpendInput({
      nullifierSecret: BigInt(b.inputs.nullifierSecret),
      amount: BigInt(b.inputs.amount),
      stateHash: BigInt(b.inputs.stateHash),
      policyHash: BigInt(b.expected.policyHash),
      payloadHash: BigInt(b.expected.payloadHash),
      blinding: BigInt(b.inputs.blinding),
      path: {
        root: BigInt(vectors.tree.root),
        leaf: BigInt(p.leaf),
        leafIndex: p.leafIndex,
        bits: p.bits,
        siblingExists: p.siblingExists,
        siblings: p.siblings.map(BigInt),
      },
      srcDomain: BigInt(b.expected.originDomainId),
      dstDomain: computeDomainId(31338n),
      dstNpk,
      dstPayloadHash,
      dstBlinding: 7n,
    });
    const w = await calculateWitness('container_spend', { ...input, nullifier: BigInt(b.expected.nullifier) });
    expect(w[1]!.toString()).toBe(vectors.tree.root);
    expect(w[2]!.toString()).toBe(b.expected.nullifier);
  });

  it('the TypeScript create builder and the vectors agree', async () => {
    const a = vectors.notes[0];
    const { publicInputs } = await buildCreateInput({
      note: {
        npk: BigInt(a.expected.npk),
        amount: BigInt(a.inputs.amount),
        stateHash: BigInt(a.inputs.stateHash),
        payloadHash: BigInt(a.expected.payloadHash),
        blinding: BigInt(a.inputs.blinding),
      },
      policy: {
        minAmount: BigInt(a.inputs.minAmount),
        maxAmount: BigInt(a.inputs.maxAmount),
        policySalt: BigInt(a.expected.policySalt),
      },
    });
    expect(publicInputs.map(String)).toEqual([a.expected.commitment, a.expected.policyHash, a.expected.payloadHash]);
    const tree = await CommitmentTree.create(vectors.tree.leaves.map(BigInt));
    expect(tree.root.toString()).toBe(vectors.tree.root);
  });
});
