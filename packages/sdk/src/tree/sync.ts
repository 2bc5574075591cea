/**
 * The client-side commitment tree, rebuilt from PC3's events: every leaf enters the
 * tree through exactly one `ContainerCreated` or `CommitmentInserted` (protocol §5),
 * so sorting both by leafIndex gives the leaves. The result is checked against the
 * chain's root at that size.
 *
 * Incremental: `getCommitmentTree(client, { since: previous })` reads only the events
 * of the blocks after `previous.blockNumber` and appends their leaves to
 * `previous.tree`. If the chain reorganised since (the block `previous` ended at has
 * another hash now), the tree is rebuilt from scratch instead.
 */
import type { Hash } from 'viem';

import { getRootAt } from '../actions/pc3/getRootAt.js';
import { getPilEvents } from '../actions/shared/getPilEvents.js';
import type { PilClient } from '../clients/createPilClient.js';
import { CommitmentTree } from '../crypto/tree.js';
import { InvalidParameterError, TransactionError } from '../errors/families.js';

export type TreeLeafEvent = { leafIndex: bigint; commitment: bigint; blockNumber: bigint };

export type GetTreeLeavesParameters = {
  /** Default: the deployment block. */
  fromBlock?: bigint | undefined;
  /** Default: latest. */
  toBlock?: bigint | undefined;
  /** The index the first leaf of the range must have (default 0; the tree's size when resuming). */
  fromLeafIndex?: bigint | undefined;
};

/** Every leaf of the tree entered in blocks `fromBlock..toBlock`, by index (checked contiguous from `fromLeafIndex`). */
export async function getTreeLeaves(
  client: PilClient,
  parameters: GetTreeLeavesParameters = {},
): Promise<TreeLeafEvent[]> {
  const toBlock = parameters.toBlock ?? (await client.public.getBlockNumber({ cacheTime: 0 }));
  const fromBlock = parameters.fromBlock;
  const first = parameters.fromLeafIndex ?? 0n;
  const [created, inserted] = await Promise.all([
    getPilEvents(client, { contract: 'pc3', eventName: 'ContainerCreated', fromBlock, toBlock }),
    getPilEvents(client, { contract: 'pc3', eventName: 'CommitmentInserted', fromBlock, toBlock }),
  ]);
  const leaves = [...created, ...inserted]
    .map((e) => ({
      leafIndex: e.args.leafIndex as bigint,
      commitment: e.args.commitment as bigint,
      blockNumber: e.blockNumber,
    }))
    .sort((a, b) => (a.leafIndex < b.leafIndex ? -1 : 1));
  leaves.forEach((l, i) => {
    if (l.leafIndex !== first + BigInt(i)) {
      throw new TransactionError(`Leaf ${first + BigInt(i)} is missing from the events of chain ${client.chainId}`, {
        details: `found leaf ${l.leafIndex} instead`,
        hint: 'The RPC node returned incomplete logs (or the chain reorganised since the last sync); retry, or sync from scratch',
        retryable: true,
      });
    }
  });
  return leaves;
}

export type SyncedTree = {
  tree: CommitmentTree;
  size: bigint;
  root: bigint;
  /** The last block whose events the tree holds: pass the result as `since` to resume from the next one. */
  blockNumber: bigint;
  /** That block's hash: a resumed sync checks it to notice a reorganisation. */
  blockHash: Hash;
  chainId: number;
};

export type GetCommitmentTreeParameters = {
  /** Default: latest. */
  toBlock?: bigint | undefined;
  /**
   * A previous result for this chain: only the blocks after `since.blockNumber` are read,
   * and their leaves are appended to `since.tree` (which is extended in place and
   * returned in the new result).
   */
  since?: SyncedTree | undefined;
};

/** The commitment tree as of the latest block (or `toBlock`), checked against the on-chain root. */
export async function getCommitmentTree(
  client: PilClient,
  parameters: GetCommitmentTreeParameters = {},
): Promise<SyncedTree> {
  if (parameters.since && parameters.since.chainId !== client.chainId) {
    throw new InvalidParameterError(
      `The previous tree is of chain ${parameters.since.chainId}, the client of ${client.chainId}`,
    );
  }
  const since = parameters.since && (await onCanonicalChain(client, parameters.since)) ? parameters.since : undefined;
  const blockNumber = parameters.toBlock ?? (await client.public.getBlockNumber({ cacheTime: 0 }));
  if (since && blockNumber <= since.blockNumber) return { ...since };
  // The hash before the events: a reorganisation after this point shows at the next sync.
  const { hash: blockHash } = await client.public.getBlock({ blockNumber });
  const leaves = await getTreeLeaves(client, {
    toBlock: blockNumber,
    ...(since ? { fromBlock: since.blockNumber + 1n, fromLeafIndex: since.size } : {}),
  });
  let tree: CommitmentTree;
  if (since) {
    tree = since.tree;
    tree.insertMany(leaves.map((l) => l.commitment));
  } else {
    tree = await CommitmentTree.create(leaves.map((l) => l.commitment));
  }
  const size = BigInt(tree.size);
  if (size > 0n && (!since || size > since.size)) {
    const onChain = await getRootAt(client, { size });
    if (onChain !== 0n && onChain !== tree.root) {
      throw new TransactionError(`The rebuilt tree's root differs from the chain's at size ${size}`, {
        details: `local ${tree.root}, chain ${onChain}`,
        hint: since ? 'Sync from scratch (without `since`)' : undefined,
        retryable: true,
      });
    }
  }
  return { tree, size, root: tree.root, blockNumber, blockHash: blockHash!, chainId: client.chainId };
}

/** Whether the block a previous read ended at is still the chain's block at that height. */
export async function onCanonicalChain(
  client: PilClient,
  at: { blockNumber: bigint; blockHash?: Hash | undefined },
): Promise<boolean> {
  if (at.blockHash === undefined) return true;
  const block = await client.public.getBlock({ blockNumber: at.blockNumber });
  return block.hash === at.blockHash;
}
