import { LeanIMT } from '@zk-kit/lean-imt';
import { describe, expect, it } from 'vitest';
import { getPoseidon } from './poseidon.js';
import { CommitmentTree, rootFromPath, TREE_DEPTH } from './tree.js';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => BigInt(i) * 1_000_003n + 7n);

describe('CommitmentTree', () => {
  it('has root 0 when empty and the leaf when it holds one', async () => {
    const tree = await CommitmentTree.create();
    expect(tree.root).toBe(0n);
    tree.insert(42n);
    expect(tree.root).toBe(42n);
    const path = tree.path(0);
    expect(path.siblingExists).toEqual(new Array(TREE_DEPTH).fill(0));
    expect(path.bits).toEqual(new Array(TREE_DEPTH).fill(0));
    expect(tree.rootFromPath(path)).toBe(42n);
  });

  it('produces §3 paths that recompute the lean-imt root for every leaf of trees up to 33 leaves', async () => {
    const hash = await getPoseidon();
    for (let n = 1; n <= 33; n++) {
      const ls = leaves(n);
      const tree = await CommitmentTree.create(ls);
      const reference = new LeanIMT<bigint>((a, b) => hash([a, b]), ls);
      expect(tree.root).toBe(reference.root);
      for (let i = 0; i < n; i++) {
        const p = tree.path(i);
        expect(p.bits.length).toBe(TREE_DEPTH);
        expect(p.siblings.length).toBe(TREE_DEPTH);
        for (let l = 0; l < TREE_DEPTH; l++) {
          expect(p.bits[l]).toBe((i >> l) & 1);
          if (p.bits[l] === 1) expect(p.siblingExists[l]).toBe(1);
          if (p.siblingExists[l] === 0) expect(p.siblings[l]).toBe(0n);
        }
        expect(rootFromPath(p, hash)).toBe(tree.root);
      }
    }
  });

  it('rejects a path whose leaf index does not match its siblings', async () => {
    const hash = await getPoseidon();
    const tree = await CommitmentTree.create(leaves(5));
    const p = tree.path(4);
    // Pretend leaf 4 is a right child at level 0: there is no sibling there.
    expect(() => rootFromPath({ ...p, bits: [1, ...p.bits.slice(1)] }, hash)).toThrow();
    expect(rootFromPath({ ...p, leaf: p.leaf + 1n }, hash)).not.toBe(tree.root);
  });

  it('refuses non-field leaves and unknown indices', async () => {
    const tree = await CommitmentTree.create(leaves(2));
    expect(() => tree.insert(-1n)).toThrow();
    expect(() => tree.path(2)).toThrow(RangeError);
    expect(tree.indexOf(leaves(2)[1]!)).toBe(1);
  });
});
