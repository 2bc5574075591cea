/**
 * Witness inputs for the container_create and container_spend circuits
 * (protocol.md §4), with the public inputs in proof order.
 */
import { assertBits, assertField } from './field.js';
import type { NoteFields, PolicyFields } from './note.js';
import { computeCommitment, computeNpk, computeNullifier, computePolicyHash } from './note.js';
import { type MembershipPath, TREE_DEPTH } from './tree.js';

/** Signals of container_create, by name. */
export interface ContainerCreateInput {
  commitment: bigint;
  policyHash: bigint;
  payloadHash: bigint;
  npk: bigint;
  amount: bigint;
  stateHash: bigint;
  blinding: bigint;
  minAmount: bigint;
  maxAmount: bigint;
  policySalt: bigint;
}

/** Signals of container_spend, by name. */
export interface ContainerSpendInput {
  root: bigint;
  nullifier: bigint;
  srcDomain: bigint;
  dstDomain: bigint;
  dstCommitment: bigint;
  policyHash: bigint;
  dstPayloadHash: bigint;
  nullifierSecret: bigint;
  amount: bigint;
  stateHash: bigint;
  payloadHash: bigint;
  blinding: bigint;
  leafIndex: bigint;
  siblings: bigint[];
  siblingExists: bigint[];
  dstNpk: bigint;
  dstBlinding: bigint;
}

/** [commitment, policyHash, payloadHash]. */
export type ContainerCreatePublicInputs = readonly [bigint, bigint, bigint];
/** [root, nullifier, srcDomain, dstDomain, dstCommitment, policyHash, dstPayloadHash]. */
export type ContainerSpendPublicInputs = readonly [bigint, bigint, bigint, bigint, bigint, bigint, bigint];

export interface BuildCreateInputParams {
  note: Omit<NoteFields, 'policyHash'>;
  policy: PolicyFields;
}

/** Inputs proving that `note` is a valid note under `policy`. */
export async function buildCreateInput(params: BuildCreateInputParams): Promise<{
  input: ContainerCreateInput;
  publicInputs: ContainerCreatePublicInputs;
}> {
  const { note, policy } = params;
  if (policy.minAmount > note.amount || note.amount > policy.maxAmount) {
    throw new RangeError(
      `amount ${note.amount} is outside the policy range [${policy.minAmount}, ${policy.maxAmount}]`,
    );
  }
  const policyHash = await computePolicyHash(policy);
  const commitment = await computeCommitment({ ...note, policyHash });
  const input: ContainerCreateInput = {
    commitment,
    policyHash,
    payloadHash: note.payloadHash,
    npk: note.npk,
    amount: note.amount,
    stateHash: note.stateHash,
    blinding: note.blinding,
    minAmount: policy.minAmount,
    maxAmount: policy.maxAmount,
    policySalt: policy.policySalt,
  };
  return { input, publicInputs: [commitment, policyHash, note.payloadHash] };
}

export interface BuildSpendInputParams {
  /** The spent note: its secret and opening (npk is derived from the secret). */
  nullifierSecret: bigint;
  amount: bigint;
  stateHash: bigint;
  policyHash: bigint;
  payloadHash: bigint;
  blinding: bigint;
  /** Its membership path in the source tree (CommitmentTree.path). */
  path: MembershipPath;
  /** Domain of the chain whose tree holds the note (the nullifier's origin domain). */
  srcDomain: bigint;
  /** Destination domain: srcDomain for a local spend, the destination's domainId for an export. */
  dstDomain: bigint;
  /** The new note: owner, payload and randomness. */
  dstNpk: bigint;
  dstPayloadHash: bigint;
  dstBlinding: bigint;
}

/** Inputs spending a note of the source tree into a new note (protocol.md §4). */
export async function buildSpendInput(params: BuildSpendInputParams): Promise<{
  input: ContainerSpendInput;
  publicInputs: ContainerSpendPublicInputs;
}> {
  const { path } = params;
  if (
    path.bits.length !== TREE_DEPTH ||
    path.siblings.length !== TREE_DEPTH ||
    path.siblingExists.length !== TREE_DEPTH
  ) {
    throw new RangeError(`a membership path has ${TREE_DEPTH} levels`);
  }
  const npk = await computeNpk(params.nullifierSecret);
  const commitment = await computeCommitment({
    npk,
    amount: params.amount,
    stateHash: params.stateHash,
    policyHash: params.policyHash,
    payloadHash: params.payloadHash,
    blinding: params.blinding,
  });
  if (commitment !== path.leaf) throw new Error('the note does not open the leaf of the path');
  const nullifier = await computeNullifier({
    nullifierSecret: params.nullifierSecret,
    leafIndex: path.leafIndex,
    originDomain: assertField(params.srcDomain, 'srcDomain'),
  });
  const dstCommitment = await computeCommitment({
    npk: params.dstNpk,
    amount: params.amount,
    stateHash: params.stateHash,
    policyHash: params.policyHash,
    payloadHash: params.dstPayloadHash,
    blinding: params.dstBlinding,
  });
  const input: ContainerSpendInput = {
    root: path.root,
    nullifier,
    srcDomain: params.srcDomain,
    dstDomain: assertField(params.dstDomain, 'dstDomain'),
    dstCommitment,
    policyHash: params.policyHash,
    dstPayloadHash: params.dstPayloadHash,
    nullifierSecret: params.nullifierSecret,
    amount: params.amount,
    stateHash: params.stateHash,
    payloadHash: params.payloadHash,
    blinding: params.blinding,
    leafIndex: assertBits(BigInt(path.leafIndex), TREE_DEPTH, 'leafIndex'),
    siblings: [...path.siblings],
    siblingExists: path.siblingExists.map(BigInt),
    dstNpk: params.dstNpk,
    dstBlinding: params.dstBlinding,
  };
  return {
    input,
    publicInputs: [
      input.root,
      nullifier,
      input.srcDomain,
      input.dstDomain,
      dstCommitment,
      input.policyHash,
      input.dstPayloadHash,
    ],
  };
}

/** The JSON form snarkjs and the fixtures take: every value a decimal string. */
export type CircuitInputJson = Record<string, string | string[]>;

export function toCircuitJson(input: ContainerCreateInput | ContainerSpendInput): CircuitInputJson {
  const out: CircuitInputJson = {};
  for (const [key, value] of Object.entries(input) as [string, bigint | bigint[]][]) {
    out[key] = Array.isArray(value) ? value.map((v) => v.toString()) : value.toString();
  }
  return out;
}
