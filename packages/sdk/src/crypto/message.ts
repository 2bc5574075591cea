/**
 * Cross-chain message identifiers and hashes of protocol.md §6: messageId, the outbox
 * leaf and the EIP-712 checkpoint that relayers sign.
 */
import { type Address, concatHex, encodeAbiParameters, type Hex, hashTypedData, hexToBigInt, keccak256 } from 'viem';

/** The outbox message (protocol.md §6, `struct Message`). */
export interface OutboxMessage {
  srcChainId: bigint;
  srcHub: Address;
  /** Index in the source outbox (uint64). */
  index: bigint;
  dstChainId: bigint;
  dstHub: Address;
  commitment: bigint;
  payloadHash: bigint;
  policyHash: bigint;
  fee: bigint;
}

const MESSAGE_ABI = [
  { type: 'uint256', name: 'srcChainId' },
  { type: 'address', name: 'srcHub' },
  { type: 'uint64', name: 'index' },
  { type: 'uint256', name: 'dstChainId' },
  { type: 'address', name: 'dstHub' },
  { type: 'uint256', name: 'commitment' },
  { type: 'uint256', name: 'payloadHash' },
  { type: 'uint256', name: 'policyHash' },
  { type: 'uint256', name: 'fee' },
] as const;

/** messageId = keccak256(abi.encode(srcChainId, srcHub, index)). */
export function computeMessageId(srcChainId: bigint, srcHub: Address, index: bigint): Hex {
  return keccak256(
    encodeAbiParameters([{ type: 'uint256' }, { type: 'address' }, { type: 'uint64' }], [srcChainId, srcHub, index]),
  );
}

/** abi.encode(message): the struct has only static fields, so it encodes as its fields in order. */
export function encodeMessage(m: OutboxMessage): Hex {
  return encodeAbiParameters(MESSAGE_ABI, [
    m.srcChainId,
    m.srcHub,
    m.index,
    m.dstChainId,
    m.dstHub,
    m.commitment,
    m.payloadHash,
    m.policyHash,
    m.fee,
  ]);
}

/** leaf = keccak256(bytes.concat(keccak256(abi.encode(message)))): OpenZeppelin's double-hashed leaf. */
export function computeOutboxLeaf(m: OutboxMessage): Hex {
  return keccak256(keccak256(encodeMessage(m)));
}

/** EIP-712 domain of checkpoints: name and version only (no chainId, no verifyingContract). */
export const CHECKPOINT_DOMAIN = { name: 'PIL Checkpoint', version: '1' } as const;

export const CHECKPOINT_TYPES = {
  Checkpoint: [
    { name: 'srcChainId', type: 'uint256' },
    { name: 'srcHub', type: 'address' },
    { name: 'count', type: 'uint64' },
    { name: 'root', type: 'bytes32' },
  ],
} as const;

export interface Checkpoint {
  srcChainId: bigint;
  srcHub: Address;
  count: bigint;
  root: Hex;
}

/** The EIP-712 digest a relayer signs for a checkpoint of a source outbox. */
export function checkpointDigest(c: Checkpoint): Hex {
  return hashTypedData({ domain: CHECKPOINT_DOMAIN, types: CHECKPOINT_TYPES, primaryType: 'Checkpoint', message: c });
}

/** Depth of the outbox (OpenZeppelin Bytes32PushTree, protocol.md §6). */
export const OUTBOX_DEPTH = 20;

/** OpenZeppelin's Hashes.commutativeKeccak256: keccak256 of the sorted pair. */
export function commutativeKeccak256(a: Hex, b: Hex): Hex {
  const [lo, hi] = hexToBigInt(a) < hexToBigInt(b) ? [a, b] : [b, a];
  return keccak256(concatHex([lo, hi]));
}

function zeroHashes(depth: number): Hex[] {
  const zeros: Hex[] = [ZERO_LEAF];
  for (let i = 1; i <= depth; i++) zeros.push(commutativeKeccak256(zeros[i - 1]!, zeros[i - 1]!));
  return zeros;
}

const ZERO_LEAF: Hex = `0x${'00'.repeat(32)}`;

/** Levels of the outbox tree over `leaves` (missing right nodes are the zero subtree roots). */
function outboxLevels(leaves: readonly Hex[], depth: number): { levels: Hex[][]; zeros: Hex[] } {
  if (leaves.length > 2 ** depth) throw new RangeError(`the outbox holds ${2 ** depth} leaves`);
  const zeros = zeroHashes(depth);
  const levels: Hex[][] = [[...leaves]];
  for (let l = 0; l < depth; l++) {
    const level = levels[l]!;
    const next: Hex[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(commutativeKeccak256(level[i]!, level[i + 1] ?? zeros[l]!));
    levels.push(next);
  }
  return { levels, zeros };
}

/** The root of the outbox after appending `leaves` (equals OpenZeppelin MerkleTree.push's root). */
export function outboxRoot(leaves: readonly Hex[], depth = OUTBOX_DEPTH): Hex {
  const { levels, zeros } = outboxLevels(leaves, depth);
  return levels[depth]![0] ?? zeros[depth]!;
}

/** A proof for OpenZeppelin MerkleProof.verify(proof, outboxRoot(leaves), leaves[index]). */
export function outboxProof(leaves: readonly Hex[], index: number, depth = OUTBOX_DEPTH): Hex[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`no outbox leaf at ${index}`);
  const { levels, zeros } = outboxLevels(leaves, depth);
  const proof: Hex[] = [];
  let i = index;
  for (let l = 0; l < depth; l++) {
    proof.push(levels[l]![i ^ 1] ?? zeros[l]!);
    i >>= 1;
  }
  return proof;
}
