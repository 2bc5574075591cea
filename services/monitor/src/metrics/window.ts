/**
 * What the chain says about the last `windowBlocks` blocks of one chain: the PIL
 * transactions (outcome and gas), the containers created, the messages imported (with
 * their source chain) and the latest create transaction. Read straight from the node,
 * so the monitor needs nothing but RPC (the indexer, once there, can serve longer windows).
 */
import type { Address, Hash } from 'viem';
import { getPilEvents, type PilClient } from './sdk.js';

export type PilTx = { hash: Hash; to: Address; status: 'success' | 'reverted'; gasUsed: bigint };
export type ImportSeen = { messageId: Hash; srcChainId: number; blockTime: number };

export type ChainWindow = {
  chainId: number;
  fromBlock: bigint;
  toBlock: bigint;
  /** Block timestamps (seconds) of the window's first and last block. */
  fromTime: number;
  toTime: number;
  created: number;
  latestCreateTx: Hash | undefined;
  txs: PilTx[];
  imports: ImportSeen[];
  /** Proofs refused for a retired verification key (EP-003: someone still proves with it). */
  retiredKeyProofs: number;
  /** Relayers slashed in the window, with the amount taken (wei). */
  slashed: { relayer: Address; amount: bigint }[];
};

const CONCURRENCY = 8;

async function pool<T, R>(items: readonly T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
    }),
  );
  return out;
}

export async function readWindow(client: PilClient, windowBlocks: number): Promise<ChainWindow> {
  const pub = client.public;
  const toBlock = await pub.getBlockNumber({ cacheTime: 0 });
  const earliest = client.fromBlock ?? 0n;
  const start = toBlock - BigInt(windowBlocks) + 1n;
  const fromBlock = start > earliest ? start : earliest;
  const pil = new Set(
    Object.values(client.addresses)
      .filter((a): a is Address => typeof a === 'string')
      .map((a) => a.toLowerCase()),
  );
  const numbers: bigint[] = [];
  for (let n = fromBlock; n <= toBlock; n++) numbers.push(n);
  const blocks = await pool(numbers, (blockNumber) => pub.getBlock({ blockNumber, includeTransactions: true }));
  const times = new Map(blocks.map((b) => [b.number!, Number(b.timestamp)]));
  const sent = blocks.flatMap((b) => b.transactions.filter((t) => t.to && pil.has(t.to.toLowerCase())));
  const txs = await pool(sent, async (t): Promise<PilTx> => {
    const r = await pub.getTransactionReceipt({ hash: t.hash });
    return { hash: t.hash, to: t.to!, status: r.status, gasUsed: r.gasUsed };
  });
  const range = { fromBlock, toBlock };
  const events = (contract: 'pc3' | 'proofHub' | 'verifierRegistry' | 'relayerRegistry', eventName: string) =>
    client.addresses[contract] ? getPilEvents(client, { contract, eventName, ...range }) : Promise.resolve([]);
  const [created, imported, retired, slashed] = await Promise.all([
    events('pc3', 'ContainerCreated'),
    events('proofHub', 'MessageImported'),
    events('verifierRegistry', 'RetiredKeyProofRejected'),
    events('relayerRegistry', 'RelayerSlashed'),
  ]);
  return {
    chainId: client.chainId,
    fromBlock,
    toBlock,
    fromTime: times.get(fromBlock) ?? 0,
    toTime: times.get(toBlock) ?? 0,
    created: created.length,
    latestCreateTx: created.at(-1)?.transactionHash,
    txs,
    imports: imported.map((e) => ({
      messageId: e.args.messageId as Hash,
      srcChainId: Number(e.args.srcChainId as bigint),
      blockTime: times.get(e.blockNumber) ?? 0,
    })),
    retiredKeyProofs: retired.length,
    slashed: slashed.map((e) => ({ relayer: e.args.relayer as Address, amount: e.args.amount as bigint })),
  };
}

/** Block time (seconds) of the export of each message id on `source`. */
export async function exportTimes(source: PilClient, messageIds: readonly Hash[]): Promise<Map<Hash, number>> {
  const out = new Map<Hash, number>();
  for (let i = 0; i < messageIds.length; i += 100) {
    const chunk = messageIds.slice(i, i + 100);
    const events = await getPilEvents(source, {
      contract: 'proofHub',
      eventName: 'MessageExported',
      args: { messageId: chunk as Hash[] },
    });
    const blocks = [...new Set(events.map((e) => e.blockNumber))];
    const stamps = await pool(blocks, async (blockNumber) => {
      const b = await source.public.getBlock({ blockNumber });
      return [blockNumber, Number(b.timestamp)] as const;
    });
    const time = new Map(stamps);
    for (const e of events) out.set(e.args.messageId as Hash, time.get(e.blockNumber) ?? 0);
  }
  return out;
}
