import { readFileSync } from 'node:fs';
import type { Address, Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  APP_ID,
  CommitmentTree,
  checkpointDigest,
  computeCommitment,
  computeDomainId,
  computeMessageId,
  computeNpk,
  computeNullifier,
  computeOutboxLeaf,
  computePayloadHash,
  computePolicyHash,
  encodeMessage,
  outboxProof,
  outboxRoot,
  policySaltOf,
} from './index.js';

// docs/spec/vectors.json, shared by every implementation.
const vectors = JSON.parse(readFileSync(new URL('../../../../docs/spec/vectors.json', import.meta.url), 'utf8'));

describe('docs/spec/vectors.json (TypeScript)', () => {
  it('appId and domains', () => {
    expect(APP_ID).toBe(vectors.appId);
    for (const d of vectors.domains) expect(computeDomainId(BigInt(d.chainId)).toString()).toBe(d.domainId);
  });

  it('notes: npk, policy, payload, commitment, nullifier', async () => {
    for (const { inputs, expected } of vectors.notes) {
      const npk = await computeNpk(BigInt(inputs.nullifierSecret));
      expect(npk.toString()).toBe(expected.npk);
      const policySalt = policySaltOf(inputs.policyName);
      expect(policySalt.toString()).toBe(expected.policySalt);
      const policyHash = await computePolicyHash({
        minAmount: BigInt(inputs.minAmount),
        maxAmount: BigInt(inputs.maxAmount),
        policySalt,
      });
      expect(policyHash.toString()).toBe(expected.policyHash);
      const payloadHash = computePayloadHash(inputs.ciphertext as Hex);
      expect(payloadHash.toString()).toBe(expected.payloadHash);
      const commitment = await computeCommitment({
        npk,
        amount: BigInt(inputs.amount),
        stateHash: BigInt(inputs.stateHash),
        policyHash,
        payloadHash,
        blinding: BigInt(inputs.blinding),
      });
      expect(commitment.toString()).toBe(expected.commitment);
      const originDomain = computeDomainId(BigInt(inputs.originChainId));
      expect(originDomain.toString()).toBe(expected.originDomainId);
      const nullifier = await computeNullifier({
        nullifierSecret: BigInt(inputs.nullifierSecret),
        leafIndex: inputs.leafIndex,
        originDomain,
      });
      expect(nullifier.toString()).toBe(expected.nullifier);
    }
  });

  it('tree roots and paths', async () => {
    const tree = await CommitmentTree.create();
    expect(tree.root.toString()).toBe(vectors.tree.emptyRoot);
    vectors.tree.leaves.forEach((leaf: string, k: number) => {
      tree.insert(BigInt(leaf));
      expect(tree.root.toString()).toBe(vectors.tree.roots[k]);
    });
    for (const p of vectors.tree.paths) {
      const path = tree.path(p.leafIndex);
      expect(path.bits).toEqual(p.bits);
      expect(path.siblingExists).toEqual(p.siblingExists);
      expect(path.siblings.map(String)).toEqual(p.siblings);
    }
  });

  it('messages, outbox and checkpoint', () => {
    const leaves: Hex[] = [];
    for (const v of vectors.messages) {
      const m = {
        srcChainId: BigInt(v.message.srcChainId),
        srcHub: v.message.srcHub as Address,
        index: BigInt(v.message.index),
        dstChainId: BigInt(v.message.dstChainId),
        dstHub: v.message.dstHub as Address,
        commitment: BigInt(v.message.commitment),
        payloadHash: BigInt(v.message.payloadHash),
        policyHash: BigInt(v.message.policyHash),
        fee: BigInt(v.message.fee),
      };
      expect(encodeMessage(m)).toBe(v.encoded);
      expect(computeMessageId(m.srcChainId, m.srcHub, m.index)).toBe(v.messageId);
      expect(computeOutboxLeaf(m)).toBe(v.leaf);
      leaves.push(computeOutboxLeaf(m));
    }
    expect(outboxRoot(leaves)).toBe(vectors.outbox.root);
    expect(outboxProof(leaves, 0)).toEqual(vectors.outbox.proofOfLeaf0);
    const c = vectors.checkpoint.message;
    expect(
      checkpointDigest({ srcChainId: BigInt(c.srcChainId), srcHub: c.srcHub, count: BigInt(c.count), root: c.root }),
    ).toBe(vectors.checkpoint.digest);
  });
});
