import { expect, it } from 'vitest';
import * as crypto from './index.js';

it('exports exactly this API (update the snapshot deliberately)', () => {
  expect(Object.keys(crypto).sort()).toMatchInlineSnapshot(`
    [
      "APP_ID",
      "CHECKPOINT_DOMAIN",
      "CHECKPOINT_TYPES",
      "CommitmentTree",
      "FIELD_MODULUS",
      "FieldRangeError",
      "OUTBOX_DEPTH",
      "TREE_CAPACITY",
      "TREE_DEPTH",
      "TreeFullError",
      "assertBits",
      "assertField",
      "buildCreateInput",
      "buildSpendInput",
      "checkpointDigest",
      "commutativeKeccak256",
      "computeCommitment",
      "computeDomainId",
      "computeMessageId",
      "computeNpk",
      "computeNullifier",
      "computeOutboxLeaf",
      "computePayloadHash",
      "computePolicyHash",
      "encodeMessage",
      "getPoseidon",
      "outboxProof",
      "outboxRoot",
      "policySaltOf",
      "poseidon",
      "randomFieldElement",
      "rootFromPath",
      "toCircuitJson",
      "toField",
    ]
  `);
});
