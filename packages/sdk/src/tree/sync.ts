/**
 * The client-side commitment tree, rebuilt from PC3's events: every leaf enters the
 * tree through exactly one `ContainerCreated` or `CommitmentInserted` (protocol §5),
 * so sorting both by leafIndex gives the leaves. The result is checked against the
 * chain's root at that size.
 */

import { getRootAt } from '../actions/pc3/getRootAt.js';
import { getPilEvents } from '../actions/shared/getPilEvents.js';
import type { PilClient } from '../clients/createPilClient.js';
import { CommitmentTree } from '../crypto/tree.js';
import { TransactionError } from '../errors/families.js';

export type TreeLeafEvent = { leafIndex: bigint; commitment: bigint; blockNumber: bigint };

/** Every leaf of the tree up to `toBlock`, by index. */
export async function getTreeLeaves(
  client: PilClient,
  parameters: { toBlock?: bigint | undefined } = {},
): Promise<TreeLeafEvent[]> {
  const toBlock = parameters.toBlock ?? (await client.public.getBlockNumber({ cacheTime: 0 }));
  const [created, inserted] = await Promise.all([
    getPilEvents(client, { contract: 'pc3', eventName: 'ContainerCreated', toBlock }),
    getPilEvents(client, { contract: 'pc3', eventName: 'CommitmentInserted', toBlock }),
  ]);
  const leaves = [...created, ...inserted]
    .map((e) => ({
      leafIndex: e.args.leafIndex as bigint,
      commitment: e.args.commitment as bigint,
      blockNumber: e.blockNumber,
    }))
    .sort((a, b) => (a.leafIndex < b.leafIndex ? -1 : 1));
  leaves.forEach((l, i) => {
    if (l.leafIndex !== BigInt(i)) {
      throw new TransactionError(`Leaf ${i} is missing from the events of chain ${client.chainId}`, {
        hint: 'The RPC node returned incomplete logs; retry or use another node',
        retryable: true,
      });
    }
  });
  return leaves;
}

export type SyncedTree = { tree: CommitmentTree; size: bigint; root: bigint; blockNumber: bigint };

/** The commitment tree as of the latest block (or `toBlock`), checked against the on-chain root. */
export async function getCommitmentTree(
  client: PilClient,
  parameters: { toBlock?: bigint | undefined } = {},
): Promise<SyncedTree> {
  const blockNumber = parameters.toBlock ?? (await client.public.getBlockNumber({ cacheTime: 0 }));
  const leaves = await getTreeLeaves(client, { toBlock: blockNumber });
  const tree = await CommitmentTree.create(leaves.map((l) => l.commitment));
  const size = BigInt(tree.size);
  if (size > 0n) {
    const onChain = await getRootAt(client, { size });
    if (onChain !== 0n && onChain !== tree.root) {
      throw new TransactionError(`The rebuilt tree's root differs from the chain's at size ${size}`, {
        details: `local ${tree.root}, chain ${onChain}`,
        retryable: true,
      });
    }
  }
  return { tree, size, root: tree.root, blockNumber };
}
