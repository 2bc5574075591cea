/**
 * Gas limits. Blocks are packed by gas limit, so a margin is throughput lost under a full
 * queue, and a limit too tight runs out of gas and wastes the block space anyway.
 *
 * An import appends the container to the destination's commitment tree, whose insert at
 * leaf index `i` costs `popcount(i)` Poseidon hashes (CommitmentTree.sol). The estimate is
 * taken at the current size `L`; the transaction lands at `L + k`, `k` being the inserts
 * mined before it. `popcount(L + k) <= popcount(L) + popcount(k)`, and over a known window
 * `[L, L + window]` the largest popcount is computed exactly, so the bound below holds for
 * any inclusion order within the window, unlike a percentage.
 */

/** Gas of one more hash in the insert: PoseidonT3 (19,152) + a cold side-node read, with 63/64 headroom. */
export const GAS_PER_TREE_HASH = 21_500n;
/** A side node written for the first time (22,100 instead of 5,000) and loop overhead. */
export const TREE_SLACK_GAS = 20_000n;

export function popcount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x % 2;
  return c;
}

/** max over j in [from, from + window] of popcount(j) − popcount(from). */
export function extraTreeHashes(from: number, window: number): number {
  const base = popcount(from);
  let most = base;
  // The maximum is reached at some j that clears a low run of bits of `from` and sets all
  // bits below it: checking those candidates (plus the window's end) is exact and O(bits).
  const end = from + window;
  for (let bit = 0; 2 ** bit <= end; bit++) {
    const unit = 2 ** bit;
    // Largest j <= end whose low `bit` bits are all one.
    const j = Math.floor((end + 1) / unit) * unit - 1;
    if (j >= from) most = Math.max(most, popcount(j));
  }
  most = Math.max(most, popcount(end));
  return most - base;
}

/** Gas limit of an import estimated at tree size `leafIndex`, to land within `window` inserts. */
export function importGasLimit(estimate: bigint, leafIndex: number, window: number, marginPercent: number): bigint {
  const tree = BigInt(extraTreeHashes(leafIndex, window)) * GAS_PER_TREE_HASH + TREE_SLACK_GAS;
  return ((estimate + tree) * BigInt(100 + marginPercent)) / 100n;
}

/** Gas limit of any other transaction: estimate + `marginPercent` + 20,000. */
export function defaultGasLimit(estimate: bigint, marginPercent: number): bigint {
  return (estimate * BigInt(100 + marginPercent)) / 100n + 20_000n;
}
