/**
 * The content of docs/spec/vectors.json (see circuits/scripts/gen-vectors.ts). Field
 * elements are decimal strings; bytes32 values and addresses are 0x-hex.
 */
import { type Address, type Hex, keccak256, toBytes } from 'viem';
import {
  APP_ID,
  CHECKPOINT_DOMAIN,
  CommitmentTree,
  checkpointDigest,
  computeCommitment,
  computeDomainId,
  computeMessageId,
  computeNullifier,
  computeOutboxLeaf,
  computePolicyHash,
  encodeMessage,
  FIELD_MODULUS,
  type OutboxMessage,
  outboxProof,
  outboxRoot,
} from '../../packages/sdk/src/crypto/index.js';
import { DST_CHAIN_ID, POLICY_NAME, SRC_CHAIN_ID, testField, testNote, testPolicy } from './scenarios.js';

const SRC_HUB: Address = '0x1111111111111111111111111111111111111111';
const DST_HUB: Address = '0x2222222222222222222222222222222222222222';

const dec = (v: bigint) => v.toString();

export interface NoteVector {
  label: string;
  inputs: {
    nullifierSecret: string;
    amount: string;
    stateHash: string;
    blinding: string;
    ciphertext: Hex;
    policyName: string;
    minAmount: string;
    maxAmount: string;
    leafIndex: number;
    originChainId: string;
  };
  expected: {
    npk: string;
    policySalt: string;
    policyHash: string;
    payloadHash: string;
    commitment: string;
    originDomainId: string;
    nullifier: string;
  };
}

export interface PathVector {
  leafIndex: number;
  leaf: string;
  bits: number[];
  siblingExists: number[];
  siblings: string[];
}

export interface Vectors {
  version: 1;
  description: string;
  fieldModulus: string;
  appId: Hex;
  appIdPreimage: string;
  circuitIds: Record<string, Hex>;
  domains: { chainId: string; domainId: string }[];
  notes: NoteVector[];
  tree: {
    emptyRoot: string;
    leaves: string[];
    /** roots[k] is the root after inserting leaves[0..k] (k+1 leaves). */
    roots: string[];
    root: string;
    paths: PathVector[];
  };
  messages: { message: Record<string, string>; encoded: Hex; messageId: Hex; leaf: Hex }[];
  outbox: { depth: number; leaves: Hex[]; root: Hex; proofOfLeaf0: Hex[] };
  checkpoint: {
    domain: { name: string; version: string };
    type: string;
    message: { srcChainId: string; srcHub: Address; count: string; root: Hex };
    digest: Hex;
  };
}

export async function buildVectors(): Promise<Vectors> {
  const policy = testPolicy();
  const policyHash = await computePolicyHash(policy);
  const domainOf = (chainId: bigint) => computeDomainId(chainId, APP_ID);

  // Notes: A and B inserted on 31337 at leaves 0 and 1; E on 31338 at leaf 0 (same secret
  // as A, to show the nullifier depends on the origin domain and the leaf index).
  const specs = [
    { label: 'A', amount: 4_200n, leafIndex: 0, chainId: SRC_CHAIN_ID },
    { label: 'B', amount: 1n, leafIndex: 1, chainId: SRC_CHAIN_ID },
    { label: 'A', amount: 1_000_000_000n, leafIndex: 0, chainId: DST_CHAIN_ID },
  ];
  const notes: NoteVector[] = [];
  for (const s of specs) {
    const n = await testNote(s.label, s.amount);
    const commitment = await computeCommitment({ ...n, policyHash });
    const originDomainId = domainOf(s.chainId);
    notes.push({
      label: `${s.label}@${s.chainId}#${s.leafIndex}`,
      inputs: {
        nullifierSecret: dec(n.nullifierSecret),
        amount: dec(n.amount),
        stateHash: dec(n.stateHash),
        blinding: dec(n.blinding),
        ciphertext: n.ciphertext,
        policyName: POLICY_NAME,
        minAmount: dec(policy.minAmount),
        maxAmount: dec(policy.maxAmount),
        leafIndex: s.leafIndex,
        originChainId: dec(s.chainId),
      },
      expected: {
        npk: dec(n.npk),
        policySalt: dec(policy.policySalt),
        policyHash: dec(policyHash),
        payloadHash: dec(n.payloadHash),
        commitment: dec(commitment),
        originDomainId: dec(originDomainId),
        nullifier: dec(
          await computeNullifier({
            nullifierSecret: n.nullifierSecret,
            leafIndex: s.leafIndex,
            originDomain: originDomainId,
          }),
        ),
      },
    });
  }

  // The tree of chain 31337 with 5 leaves: notes A and B at leaves 0 and 1, then filler.
  // Leaf 1 is a right child at level 0; leaf 4 has no sibling at levels 0 and 1.
  const leaves = [
    BigInt(notes[0]!.expected.commitment),
    BigInt(notes[1]!.expected.commitment),
    ...[2, 3, 4].map((i) => testField(`tree leaf ${i}`)),
  ];
  const tree = await CommitmentTree.create();
  const roots: string[] = [];
  for (const leaf of leaves) {
    tree.insert(leaf);
    roots.push(dec(tree.root));
  }
  const paths = [1, 4].map((i) => {
    const p = tree.path(i);
    return {
      leafIndex: i,
      leaf: dec(p.leaf),
      bits: p.bits,
      siblingExists: p.siblingExists,
      siblings: p.siblings.map(dec),
    };
  });

  // Outbox: two messages from 31337's hub to 31338's hub.
  const firstNote = notes[0]!;
  const messages: OutboxMessage[] = [0n, 1n].map((index) => ({
    srcChainId: SRC_CHAIN_ID,
    srcHub: SRC_HUB,
    index,
    dstChainId: DST_CHAIN_ID,
    dstHub: DST_HUB,
    commitment: BigInt(firstNote.expected.commitment) + index,
    payloadHash: BigInt(firstNote.expected.payloadHash),
    policyHash,
    fee: 1_000_000_000_000_000n,
  }));
  const outboxLeaves = messages.map(computeOutboxLeaf);
  const root = outboxRoot(outboxLeaves);
  const checkpoint = { srcChainId: SRC_CHAIN_ID, srcHub: SRC_HUB, count: 2n, root };

  return {
    version: 1,
    description:
      'PIL v2 test vectors (protocol.md §2, §3, §4, §6), generated by circuits/scripts/gen-vectors.ts. Field elements are decimal strings; bytes32 and addresses are 0x-hex. All secrets are public test values.',
    fieldModulus: dec(FIELD_MODULUS),
    appId: APP_ID,
    appIdPreimage: 'PIL.v2',
    circuitIds: {
      container_create: keccak256(toBytes('pil.container_create.v1')),
      container_spend: keccak256(toBytes('pil.container_spend.v1')),
    },
    domains: [SRC_CHAIN_ID, DST_CHAIN_ID].map((c) => ({ chainId: dec(c), domainId: dec(domainOf(c)) })),
    notes,
    tree: { emptyRoot: '0', leaves: leaves.map(dec), roots, root: dec(tree.root), paths },
    messages: messages.map((m) => ({
      message: {
        srcChainId: dec(m.srcChainId),
        srcHub: m.srcHub,
        index: dec(m.index),
        dstChainId: dec(m.dstChainId),
        dstHub: m.dstHub,
        commitment: dec(m.commitment),
        payloadHash: dec(m.payloadHash),
        policyHash: dec(m.policyHash),
        fee: dec(m.fee),
      },
      encoded: encodeMessage(m),
      messageId: computeMessageId(m.srcChainId, m.srcHub, m.index),
      leaf: computeOutboxLeaf(m),
    })),
    outbox: { depth: 20, leaves: outboxLeaves, root, proofOfLeaf0: outboxProof(outboxLeaves, 0) },
    checkpoint: {
      domain: { ...CHECKPOINT_DOMAIN },
      type: 'Checkpoint(uint256 srcChainId,address srcHub,uint64 count,bytes32 root)',
      message: { srcChainId: dec(checkpoint.srcChainId), srcHub: SRC_HUB, count: dec(checkpoint.count), root },
      digest: checkpointDigest(checkpoint),
    },
  };
}
