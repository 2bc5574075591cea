/**
 * PIL's browser-safe cryptography (protocol.md §2, §3, §4 inputs, §6 hashes).
 * Explicit named exports only; see index.test.ts for the snapshot of this list.
 */
export { assertBits, assertField, FIELD_MODULUS, FieldRangeError, toField } from './field.js';
export type {
  BuildCreateInputParams,
  BuildSpendInputParams,
  CircuitInputJson,
  ContainerCreateInput,
  ContainerCreatePublicInputs,
  ContainerSpendInput,
  ContainerSpendPublicInputs,
} from './inputs.js';
export { buildCreateInput, buildSpendInput, toCircuitJson } from './inputs.js';
export type { Checkpoint, OutboxMessage } from './message.js';
export {
  CHECKPOINT_DOMAIN,
  CHECKPOINT_TYPES,
  checkpointDigest,
  commutativeKeccak256,
  computeMessageId,
  computeOutboxLeaf,
  encodeMessage,
  OUTBOX_DEPTH,
  outboxProof,
  outboxRoot,
} from './message.js';
export type { NoteFields, PolicyFields } from './note.js';
export {
  APP_ID,
  computeCommitment,
  computeDomainId,
  computeNpk,
  computeNullifier,
  computePayloadHash,
  computePolicyHash,
  policySaltOf,
  randomFieldElement,
} from './note.js';
export type { PoseidonHash } from './poseidon.js';
export { getPoseidon, poseidon } from './poseidon.js';
export type { MembershipPath } from './tree.js';
export { CommitmentTree, rootFromPath, TREE_CAPACITY, TREE_DEPTH, TreeFullError } from './tree.js';
