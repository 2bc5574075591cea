/**
 * Runbook RP-003: verify the database against the chain, and replay from a block.
 * Verify re-reads every log of the watched contracts up to the chain's cursor and compares
 * it with the stored events by (block, log index, transaction, block hash): what the chain
 * has and the database lacks is missing, the reverse is extra; the cursor's block must
 * still be the chain's. Replay deletes what is stored from a block on and indexes again.
 */
import type { Address } from 'viem';
import type { Sql } from '../db/db.js';
import { type IndexedChain, rewindTo, type SyncResult, syncChain } from '../ingest.js';

export type VerifyResult = {
  chainId: number;
  name: string;
  cursorBlock: number | null;
  /** The cursor's block hash is still the chain's. */
  canonical: boolean;
  indexed: number;
  onChain: number;
  missing: string[];
  extra: string[];
  ok: boolean;
};

const LIST = 20;

export async function verifyChain(sql: Sql, chain: IndexedChain): Promise<VerifyResult> {
  const [row] = await sql.query<{ cursor_block: number | null; cursor_hash: string | null }>(
    'SELECT cursor_block, cursor_hash FROM chains WHERE chain_id = $1',
    [chain.chainId],
  );
  const base = { chainId: chain.chainId, name: chain.name };
  if (!row || row.cursor_block === null) {
    return { ...base, cursorBlock: null, canonical: true, indexed: 0, onChain: 0, missing: [], extra: [], ok: true };
  }
  const cursor = BigInt(row.cursor_block);
  const block = await chain.client.getBlock({ blockNumber: cursor }).catch(() => undefined);
  const canonical = block?.hash === row.cursor_hash;
  const onChain = new Set<string>();
  const addresses = Object.keys(chain.contracts) as Address[];
  for (let from = chain.fromBlock; from <= cursor; from += BigInt(chain.logRange)) {
    const to = from + BigInt(chain.logRange) - 1n < cursor ? from + BigInt(chain.logRange) - 1n : cursor;
    for (const l of await chain.client.getLogs({ address: addresses, fromBlock: from, toBlock: to })) {
      onChain.add(`${l.blockNumber}:${l.logIndex}:${l.transactionHash}:${l.blockHash}`);
    }
  }
  const stored = new Set(
    (
      await sql.query<{ block_number: number; log_index: number; tx_hash: string; block_hash: string }>(
        'SELECT block_number, log_index, tx_hash, block_hash FROM events WHERE chain_id = $1 AND block_number <= $2',
        [chain.chainId, Number(cursor)],
      )
    ).map((e) => `${e.block_number}:${e.log_index}:${e.tx_hash}:${e.block_hash}`),
  );
  const missing = [...onChain].filter((k) => !stored.has(k));
  const extra = [...stored].filter((k) => !onChain.has(k));
  return {
    ...base,
    cursorBlock: Number(cursor),
    canonical,
    indexed: stored.size,
    onChain: onChain.size,
    missing: missing.slice(0, LIST),
    extra: extra.slice(0, LIST),
    ok: canonical && missing.length === 0 && extra.length === 0,
  };
}

/** Deletes what the chain's rows hold from `fromBlock` on and indexes again up to the head. */
export async function replayFrom(sql: Sql, chain: IndexedChain, fromBlock: bigint): Promise<SyncResult> {
  if (fromBlock < chain.fromBlock)
    throw new Error(`Block ${fromBlock} is before the deployment block ${chain.fromBlock}`);
  await rewindTo(sql, chain, fromBlock - 1n);
  return syncChain(sql, chain);
}

/** Replays every chain of `chains` (or only `chainId`) from `fromBlock`. */
export async function replayChains(
  sql: Sql,
  chains: readonly IndexedChain[],
  fromBlock: bigint,
  chainId?: number,
): Promise<{ chainId: number; events: number; to: string }[]> {
  const selected = chains.filter((c) => chainId === undefined || c.chainId === chainId);
  if (selected.length === 0) throw new Error(`The indexer does not index chain ${chainId}`);
  const out: { chainId: number; events: number; to: string }[] = [];
  for (const c of selected) {
    const r = await replayFrom(sql, c, fromBlock);
    out.push({ chainId: c.chainId, events: r.events, to: r.to.toString() });
  }
  return out;
}
