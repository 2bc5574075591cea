import { describe, expect, it } from 'vitest';
import {
  defaultGasLimit,
  extraTreeHashes,
  GAS_PER_TREE_HASH,
  importGasLimit,
  popcount,
  TREE_SLACK_GAS,
} from './gas.js';

const brute = (from: number, window: number) => {
  let most = 0;
  for (let j = from; j <= from + window; j++) most = Math.max(most, popcount(j));
  return most - popcount(from);
};

describe('import gas bound', () => {
  it('popcount', () => {
    expect([0, 1, 2, 3, 255, 256, 2 ** 20 - 1].map(popcount)).toEqual([0, 1, 1, 2, 8, 1, 20]);
  });

  it('extraTreeHashes equals a brute-force maximum over every window', () => {
    for (let from = 0; from < 600; from++) {
      for (const window of [0, 1, 2, 5, 16, 31, 70, 100, 257]) {
        expect(extraTreeHashes(from, window), `from ${from} window ${window}`).toBe(brute(from, window));
      }
    }
    // Around the top of the tree (2^20 leaves) too.
    for (const from of [2 ** 19, 2 ** 20 - 300, 123_456]) {
      for (const window of [0, 64, 1000]) expect(extraTreeHashes(from, window)).toBe(brute(from, window));
    }
  });

  it('adds the worst case of the window to the estimate, then the margin', () => {
    // From 256 (popcount 1) with 255 inserts ahead, 511 (popcount 9) is reachable: 8 more hashes.
    const limit = importGasLimit(300_000n, 256, 255, 5);
    expect(limit).toBe(((300_000n + 8n * GAS_PER_TREE_HASH + TREE_SLACK_GAS) * 105n) / 100n);
    // Nothing ahead and no margin: the estimate and the slack only.
    expect(importGasLimit(300_000n, 7, 0, 0)).toBe(300_000n + TREE_SLACK_GAS);
  });

  it('other transactions: a percentage and a constant', () => {
    expect(defaultGasLimit(100_000n, 30)).toBe(150_000n);
  });
});
