/**
 * Deterministic notes, trees and spends shared by the test vectors
 * (docs/spec/vectors.json), the committed proof fixtures and the benchmark.
 *
 * Scenario "first note": on a fresh chain 31337 (anvil's and forge's default chain id)
 * note A is created (leaf 0, so the tree root is A itself). It is then either consumed
 * locally into note B (dstDomain = srcDomain) or exported to chain 31338 as note C.
 * All secrets here are public test values.
 */
import { type Hex, hexToBigInt, keccak256, toBytes, toHex } from 'viem';
import {
  APP_ID,
  buildCreateInput,
  buildSpendInput,
  CommitmentTree,
  type ContainerCreateInput,
  type ContainerSpendInput,
  computeDomainId,
  computeNpk,
  computePayloadHash,
  computePolicyHash,
  type PolicyFields,
  policySaltOf,
  toField,
} from '../../packages/sdk/src/crypto/index.js';

export const SRC_CHAIN_ID = 31337n;
export const DST_CHAIN_ID = 31338n;

/** A public, deterministic field element: keccak256("PIL test vector: " + label) mod r. */
export function testField(label: string): bigint {
  return toField(hexToBigInt(keccak256(toBytes(`PIL test vector: ${label}`))));
}

/** A deterministic stand-in for an encrypted payload (the bytes are what count). */
export function testCiphertext(label: string): Hex {
  const parts = [0, 1, 2].map((i) => keccak256(toBytes(`PIL test ciphertext: ${label}/${i}`)).slice(2));
  return `0x${parts.join('')}`;
}

export const POLICY_NAME = 'pil.policy.dev-range';

export function testPolicy(): PolicyFields {
  return { minAmount: 1n, maxAmount: 1_000_000_000n, policySalt: policySaltOf(POLICY_NAME) };
}

export interface TestNote {
  label: string;
  nullifierSecret: bigint;
  npk: bigint;
  amount: bigint;
  stateHash: bigint;
  blinding: bigint;
  ciphertext: Hex;
  payloadHash: bigint;
}

export async function testNote(label: string, amount = 4_200n, stateLabel = 'state'): Promise<TestNote> {
  const nullifierSecret = testField(`${label}/nullifierSecret`);
  const ciphertext = testCiphertext(label);
  return {
    label,
    nullifierSecret,
    npk: await computeNpk(nullifierSecret),
    amount,
    stateHash: testField(stateLabel),
    blinding: testField(`${label}/blinding`),
    ciphertext,
    payloadHash: computePayloadHash(ciphertext),
  };
}

export interface CreateScenario {
  note: TestNote;
  input: ContainerCreateInput;
  context: Record<string, string>;
}

export async function createScenario(label = 'A'): Promise<CreateScenario> {
  const note = await testNote(label);
  const policy = testPolicy();
  const { input } = await buildCreateInput({
    note: {
      npk: note.npk,
      amount: note.amount,
      stateHash: note.stateHash,
      payloadHash: note.payloadHash,
      blinding: note.blinding,
    },
    policy,
  });
  return {
    note,
    input,
    context: { ciphertext: note.ciphertext, policyName: POLICY_NAME, chainId: SRC_CHAIN_ID.toString() },
  };
}

export interface SpendScenario {
  input: ContainerSpendInput;
  context: Record<string, string>;
}

/**
 * Spend note `label` at leaf `leafIndex` of a tree of `treeSize` leaves (the other
 * leaves are deterministic filler) into a new note, locally or to DST_CHAIN_ID.
 */
export async function spendScenario(params: {
  kind: 'consume' | 'export';
  label?: string;
  leafIndex?: number;
  treeSize?: number;
}): Promise<SpendScenario> {
  const { kind, label = 'A', leafIndex = 0, treeSize = 1 } = params;
  const { note, input: created } = await createScenario(label);
  const leaves = Array.from({ length: treeSize }, (_, i) =>
    i === leafIndex ? created.commitment : testField(`filler leaf ${i}`),
  );
  const tree = await CommitmentTree.create(leaves);
  const dst = await testNote(kind === 'consume' ? `${label}->consume` : `${label}->export`, note.amount);
  const srcDomain = computeDomainId(SRC_CHAIN_ID, APP_ID);
  const dstDomain = kind === 'consume' ? srcDomain : computeDomainId(DST_CHAIN_ID, APP_ID);
  const { input } = await buildSpendInput({
    nullifierSecret: note.nullifierSecret,
    amount: note.amount,
    stateHash: note.stateHash,
    policyHash: await computePolicyHash(testPolicy()),
    payloadHash: note.payloadHash,
    blinding: note.blinding,
    path: tree.path(leafIndex),
    srcDomain,
    dstDomain,
    dstNpk: dst.npk,
    dstPayloadHash: dst.payloadHash,
    dstBlinding: dst.blinding,
  });
  return {
    input,
    context: {
      kind,
      srcChainId: SRC_CHAIN_ID.toString(),
      dstChainId: (kind === 'consume' ? SRC_CHAIN_ID : DST_CHAIN_ID).toString(),
      leafIndex: leafIndex.toString(),
      treeSize: treeSize.toString(),
      spentCommitment: created.commitment.toString(),
      spentCiphertext: note.ciphertext,
      dstCiphertext: dst.ciphertext,
      dstNullifierSecret: toHex(dst.nullifierSecret, { size: 32 }),
    },
  };
}

/** The committed fixtures: name → how to make the input. */
export const FIXTURE_SCENARIOS = {
  container_create: {
    create: () => createScenario('A'),
  },
  container_spend: {
    consume: () => spendScenario({ kind: 'consume' }),
    export: () => spendScenario({ kind: 'export' }),
    'export-deep': () => spendScenario({ kind: 'export', label: 'D', leafIndex: 4, treeSize: 5 }),
  },
} as const;
