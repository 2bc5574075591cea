/**
 * The commitment tree of protocol.md §3: a lean incremental Merkle tree of Poseidon_2
 * (@zk-kit/lean-imt) with capacity 2^20, and the fixed-depth membership path that the
 * container_spend circuit checks.
 */
import { LeanIMT } from '@zk-kit/lean-imt';
import { assertField } from './field.js';
import { getPoseidon, type PoseidonHash } from './poseidon.js';

/** MAX_DEPTH of the commitment tree; every membership path has this many levels. */
export const TREE_DEPTH = 20;
/** Capacity of the tree: 2^20 leaves. */
export const TREE_CAPACITY = 2 ** TREE_DEPTH;

/**
 * A membership path in the circuit's form: at each level l < 20, the bit
 * b_l = (leafIndex >> l) & 1, the flag e_l (the sibling exists) and the sibling s_l
 * (0 where e_l = 0).
 */
export interface MembershipPath {
  root: bigint;
  leaf: bigint;
  leafIndex: number;
  bits: (0 | 1)[];
  siblingExists: (0 | 1)[];
  siblings: bigint[];
}

export class TreeFullError extends Error {
  override readonly name = 'TreeFullError';
}

export class CommitmentTree {
  readonly #tree: LeanIMT<bigint>;
  readonly #hash: PoseidonHash;

  private constructor(hash: PoseidonHash, leaves: readonly bigint[]) {
    this.#hash = hash;
    this.#tree = new LeanIMT<bigint>((a, b) => hash([a, b]));
    this.insertMany(leaves);
  }

  /** A tree holding `leaves` at indices 0, 1, 2, … */
  static async create(leaves: readonly bigint[] = []): Promise<CommitmentTree> {
    return new CommitmentTree(await getPoseidon(), leaves);
  }

  /** The root; 0 for the empty tree, the leaf itself for a one-leaf tree. */
  get root(): bigint {
    return this.#tree.size === 0 ? 0n : this.#tree.root;
  }

  get size(): number {
    return this.#tree.size;
  }

  /** Appends a leaf and returns its index. Throws TreeFullError at capacity. */
  insert(leaf: bigint): number {
    if (this.#tree.size >= TREE_CAPACITY) throw new TreeFullError(`the tree holds ${TREE_CAPACITY} leaves`);
    this.#tree.insert(assertField(leaf, 'leaf'));
    return this.#tree.size - 1;
  }

  insertMany(leaves: readonly bigint[]): void {
    if (leaves.length === 0) return;
    if (this.#tree.size + leaves.length > TREE_CAPACITY)
      throw new TreeFullError(`the tree holds ${TREE_CAPACITY} leaves`);
    leaves.forEach((leaf, i) => {
      assertField(leaf, `leaf ${i}`);
    });
    this.#tree.insertMany([...leaves]);
  }

  leaf(index: number): bigint {
    const leaf = this.#tree.leaves[index];
    if (leaf === undefined) throw new RangeError(`no leaf at index ${index}`);
    return leaf;
  }

  /** Index of the first occurrence of `leaf`, or -1. */
  indexOf(leaf: bigint): number {
    return this.#tree.indexOf(leaf);
  }

  /** The §3 membership path of the leaf at `leafIndex`, padded to 20 levels. */
  path(leafIndex: number): MembershipPath {
    const size = this.#tree.size;
    if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= size) {
      throw new RangeError(`no leaf at index ${leafIndex} (size ${size})`);
    }
    // lean-imt lists only the siblings that exist, bottom-up; a level's sibling exists
    // when the node is a right child or its right neighbour is within the level.
    const proof = this.#tree.generateProof(leafIndex);
    const bits: (0 | 1)[] = [];
    const siblingExists: (0 | 1)[] = [];
    const siblings: bigint[] = [];
    let next = 0;
    for (let level = 0; level < TREE_DEPTH; level++) {
      const index = Math.floor(leafIndex / 2 ** level);
      const levelSize = Math.ceil(size / 2 ** level);
      const bit = (index & 1) as 0 | 1;
      const exists = bit === 1 || index + 1 < levelSize;
      bits.push(bit);
      siblingExists.push(exists ? 1 : 0);
      if (exists) {
        const sibling = proof.siblings[next++];
        if (sibling === undefined) throw new Error('lean-imt returned fewer siblings than the path needs');
        siblings.push(sibling);
      } else {
        siblings.push(0n);
      }
    }
    if (next !== proof.siblings.length) throw new Error('lean-imt returned more siblings than the path needs');
    return { root: this.root, leaf: this.leaf(leafIndex), leafIndex, bits, siblingExists, siblings };
  }

  /** Recomputes the root from a path as the circuit does (no check of `path.root`). */
  rootFromPath(path: Omit<MembershipPath, 'root'>): bigint {
    return rootFromPath(path, this.#hash);
  }
}

/** n_{l+1} = e_l ? Poseidon_2(b_l ? (s_l, n_l) : (n_l, s_l)) : n_l; returns n_20. */
export function rootFromPath(path: Omit<MembershipPath, 'root'>, hash: PoseidonHash): bigint {
  let node = path.leaf;
  for (let level = 0; level < TREE_DEPTH; level++) {
    const bit = path.bits[level];
    const exists = path.siblingExists[level];
    const sibling = path.siblings[level] ?? 0n;
    if (bit === 1 && exists !== 1) throw new Error(`level ${level}: a right child must have a sibling`);
    if (exists === 1) node = bit === 1 ? hash([sibling, node]) : hash([node, sibling]);
  }
  return node;
}
