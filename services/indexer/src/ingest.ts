/**
 * Ingestion: every log of the watched contracts of a chain into the `events` table, decoded
 * with our ABIs (plus the Safe's and the TimelockController's), chunk by chunk, each chunk
 * one transaction (its events, their blocks and the chunk's last block, and the cursor), so a
 * crash between chunks leaves a consistent cursor to resume from.
 *
 * Reorg safety: a pass starts by checking the cursor's hash against the chain; when it differs
 * the stored blocks are walked back (newest first) to the newest one the chain still has, and
 * everything above it is deleted (`rewindTo`) and indexed again. A chunk is written only when
 * its last block (and the block below its first one) have the same hash after the logs were
 * read as before: a reorg during the read writes nothing, and the next pass repairs.
 */
import {
  type Abi,
  type AbiEvent,
  type Address,
  BlockNotFoundError,
  decodeEventLog,
  getAddress,
  type Hex,
  type Log,
  type PublicClient,
  toEventSelector,
} from 'viem';
import type { Sql } from './db/db.js';
import {
  crossChainProofHubAbi,
  crossDomainNullifierAlgebraAbi,
  erc1967ProxyAbi,
  executionAgnosticStateCommitmentsAbi,
  pilv2OrchestratorAbi,
  policyBoundProofsAbi,
  proofCarryingContainerAbi,
  relayerRegistryAbi,
  safeContractAbis,
  timelockFullAbi,
  verifierRegistryAbi,
} from './sdk.js';

export type IndexedChain = {
  chainId: number;
  name: string;
  client: PublicClient;
  /** Watched contracts: address -> label (contract id such as 'pc3', 'proofHub', 'safe', 'standardTimelock'). */
  contracts: Record<Address, string>;
  /** The deployment block. */
  fromBlock: bigint;
  /** Blocks below head before indexing (0 on the devnet). */
  confirmations: number;
  /** eth_getLogs block range per request (default 2000). */
  logRange: number;
};

/**
 * What a pass did: blocks `from`..`to` indexed (`to` is the cursor after the pass, `to < from`
 * when there was nothing to do), `events` written, and the blocks a reorg took back.
 */
export type SyncResult = { from: bigint; to: bigint; events: number; reorg?: { from: bigint; to: bigint } };

export type SyncOptions = {
  /** Index up to this block instead of head - confirmations (never beyond the head). */
  toBlock?: bigint;
  /** Checked before each chunk and before each write: an aborted pass stops between chunks. */
  signal?: AbortSignal;
  /** Called with the head once it is read, and after each chunk written. */
  onProgress?: (progress: { head: bigint; cursor: bigint | null }) => void;
};

// ---------------------------------------------------------------------------------------------
// Decoding

/** The ABI (by name) a label's contract is decoded with first; the others are tried after it. */
const LABEL_SOURCES: Record<string, string> = {
  orchestrator: 'PILv2Orchestrator',
  pc3: 'ProofCarryingContainer',
  pbp: 'PolicyBoundProofs',
  easc: 'ExecutionAgnosticStateCommitments',
  cdna: 'CrossDomainNullifierAlgebra',
  verifierRegistry: 'VerifierRegistry',
  proofHub: 'CrossChainProofHub',
  relayerRegistry: 'RelayerRegistry',
  safe: 'Safe',
  standardTimelock: 'TimelockController',
  emergencyTimelock: 'TimelockController',
};

type Candidate = { event: AbiEvent; sources: Set<string> };
let eventTable: Map<Hex, Candidate[]> | undefined;

/** topic0 -> the distinct event definitions of that selector (indexed layouts may differ). */
function events(): Map<Hex, Candidate[]> {
  if (eventTable) return eventTable;
  const sources: [string, Abi][] = [
    ['PILv2Orchestrator', pilv2OrchestratorAbi],
    ['ProofCarryingContainer', proofCarryingContainerAbi],
    ['PolicyBoundProofs', policyBoundProofsAbi],
    ['ExecutionAgnosticStateCommitments', executionAgnosticStateCommitmentsAbi],
    ['CrossDomainNullifierAlgebra', crossDomainNullifierAlgebraAbi],
    ['VerifierRegistry', verifierRegistryAbi],
    ['CrossChainProofHub', crossChainProofHubAbi],
    ['RelayerRegistry', relayerRegistryAbi],
    ['ERC1967Proxy', erc1967ProxyAbi],
    ['TimelockController', timelockFullAbi()],
    ['Safe', safeContractAbis().safe],
  ];
  const table = new Map<Hex, Candidate[]>();
  for (const [source, abi] of sources) {
    for (const item of abi) {
      if (item.type !== 'event' || item.anonymous) continue;
      const selector = toEventSelector(item);
      const shape = JSON.stringify(item.inputs.map((i) => [i.type, Boolean(i.indexed), i.name ?? '']));
      const list = table.get(selector) ?? [];
      const same = list.find(
        (c) => JSON.stringify(c.event.inputs.map((i) => [i.type, Boolean(i.indexed), i.name ?? ''])) === shape,
      );
      if (same) same.sources.add(source);
      else list.push({ event: item, sources: new Set([source]) });
      table.set(selector, list);
    }
  }
  eventTable = table;
  return table;
}

const labelMaps = new WeakMap<object, Map<string, string>>();
function labelOf(address: string, contracts: Record<Address, string>): string | undefined {
  let map = labelMaps.get(contracts);
  if (!map) {
    map = new Map(Object.entries(contracts).map(([a, label]) => [a.toLowerCase(), label]));
    labelMaps.set(contracts, map);
  }
  return map.get(address.toLowerCase());
}

/** JSON-safe: bigints as decimal strings, arrays and structs recursively. */
function toJson(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

/**
 * The decoded form stored in events: {contract label, event name, args as JSON with bigints as
 * decimal strings}. Undecodable logs are stored with event_name 'unknown' and args {topics, data}.
 */
export function decodeLog(
  log: Log,
  contracts: Record<Address, string>,
): { contract: string; eventName: string; args: Record<string, unknown> } {
  const contract = labelOf(log.address, contracts) ?? 'unknown';
  const topic0 = log.topics[0];
  const candidates = topic0 ? (events().get(topic0.toLowerCase() as Hex) ?? []) : [];
  const preferred = LABEL_SOURCES[contract];
  const ordered = preferred
    ? [...candidates.filter((c) => c.sources.has(preferred)), ...candidates.filter((c) => !c.sources.has(preferred))]
    : candidates;
  for (const { event } of ordered) {
    try {
      const decoded = decodeEventLog({
        abi: [event],
        topics: log.topics as [Hex, ...Hex[]],
        data: log.data,
        strict: true,
      });
      const raw = decoded.args as unknown;
      const args = Array.isArray(raw)
        ? Object.fromEntries(raw.map((v, i) => [String(i), toJson(v)]))
        : ((toJson(raw ?? {}) as Record<string, unknown>) ?? {});
      return { contract, eventName: decoded.eventName ?? event.name, args };
    } catch {
      // not this definition (indexed layout or data length differs): try the next one
    }
  }
  return { contract, eventName: 'unknown', args: { topics: [...log.topics], data: log.data } };
}

// ---------------------------------------------------------------------------------------------
// Cursor and blocks

type CursorRow = { cursor_block: number | string | null; cursor_hash: string | null };

async function loadCursor(sql: Sql, chain: IndexedChain): Promise<{ cursor: bigint | null; hash: Hex | null }> {
  let [row] = await sql.query<CursorRow>('SELECT cursor_block, cursor_hash FROM chains WHERE chain_id = $1', [
    chain.chainId,
  ]);
  if (!row) {
    await sql.query('INSERT INTO chains (chain_id, name) VALUES ($1, $2) ON CONFLICT (chain_id) DO NOTHING', [
      chain.chainId,
      chain.name,
    ]);
    row = { cursor_block: null, cursor_hash: null };
  }
  return {
    cursor: row.cursor_block === null ? null : BigInt(row.cursor_block),
    hash: (row.cursor_hash as Hex | null) ?? null,
  };
}

type BlockInfo = { hash: Hex; timestamp: bigint };

/** The chain's block `n` (hash, timestamp), or undefined when the chain has no such block. */
async function blockAt(client: PublicClient, n: bigint): Promise<BlockInfo | undefined> {
  try {
    const block = await client.getBlock({ blockNumber: n });
    return { hash: block.hash, timestamp: block.timestamp };
  } catch (err) {
    if (err instanceof BlockNotFoundError) return undefined;
    throw err;
  }
}

/** The newest stored block the chain still has (hash equal), or fromBlock - 1. */
async function commonAncestor(sql: Sql, chain: IndexedChain, below: bigint): Promise<bigint> {
  let under = below + 1n;
  for (;;) {
    const rows = await sql.query<{ number: number | string; hash: string }>(
      'SELECT number, hash FROM blocks WHERE chain_id = $1 AND number < $2 ORDER BY number DESC LIMIT 64',
      [chain.chainId, under.toString()],
    );
    if (rows.length === 0) return chain.fromBlock - 1n;
    for (const row of rows) {
      const n = BigInt(row.number);
      if ((await blockAt(chain.client, n))?.hash === row.hash) return n;
      under = n;
    }
  }
}

/**
 * Deletes events and blocks of the chain above `block` and sets the cursor to `block` (hash from
 * the blocks table, or the chain). The cursor never moves forward: a `block` at or above the
 * cursor (or with no cursor yet) only deletes what is above it.
 */
export async function rewindTo(sql: Sql, chain: IndexedChain, block: bigint): Promise<void> {
  const { cursor } = await loadCursor(sql, chain);
  const moveCursor = cursor !== null && block < cursor;
  let hash: Hex | null = null;
  if (moveCursor && block >= 0n) {
    const [row] = await sql.query<{ hash: string }>('SELECT hash FROM blocks WHERE chain_id = $1 AND number = $2', [
      chain.chainId,
      block.toString(),
    ]);
    hash = (row?.hash as Hex | undefined) ?? (await blockAt(chain.client, block))?.hash ?? null;
    if (!hash) throw new Error(`Cannot rewind chain ${chain.chainId} to block ${block}: the chain has no such block`);
  }
  await sql.transaction(async (tx) => {
    await tx.query('DELETE FROM events WHERE chain_id = $1 AND block_number > $2', [chain.chainId, block.toString()]);
    await tx.query('DELETE FROM blocks WHERE chain_id = $1 AND number > $2', [chain.chainId, block.toString()]);
    if (moveCursor) {
      await tx.query('UPDATE chains SET cursor_block = $2, cursor_hash = $3 WHERE chain_id = $1', [
        chain.chainId,
        block >= 0n ? block.toString() : null,
        hash,
      ]);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Sync

type Chunk = { start: bigint; end: bigint; endHash: Hex; logs: Log[]; blocks: Map<bigint, BlockInfo> };

/** Reads one chunk, or undefined when the chain changed under the read (nothing to write). */
async function readChunk(
  chain: IndexedChain,
  addresses: Address[],
  start: bigint,
  end: bigint,
  parentHash: Hex | null,
): Promise<Chunk | undefined> {
  const { client } = chain;
  const last = await blockAt(client, end);
  if (!last) return undefined;
  const logs =
    addresses.length === 0
      ? []
      : ((await client.getLogs({ address: addresses, fromBlock: start, toBlock: end })) as Log[]);
  const [lastAgain, parent] = await Promise.all([
    blockAt(client, end),
    parentHash !== null && start > 0n ? blockAt(client, start - 1n) : undefined,
  ]);
  if (lastAgain?.hash !== last.hash) return undefined;
  if (parentHash !== null && start > 0n && parent?.hash !== parentHash) return undefined;

  const blocks = new Map<bigint, BlockInfo>([[end, last]]);
  const missing = new Set<bigint>();
  for (const log of logs) {
    if (log.blockNumber === null || log.blockHash === null || log.logIndex === null || log.removed) return undefined;
    const known = blocks.get(log.blockNumber);
    if (known) {
      if (known.hash !== log.blockHash) return undefined;
      continue;
    }
    const timestamp = (log as { blockTimestamp?: bigint | null }).blockTimestamp;
    if (typeof timestamp === 'bigint') blocks.set(log.blockNumber, { hash: log.blockHash, timestamp });
    else missing.add(log.blockNumber);
  }
  // Nodes that do not put blockTimestamp in logs: the blocks themselves (their hash must match).
  const numbers = [...missing];
  for (let i = 0; i < numbers.length; i += 16) {
    const got = await Promise.all(numbers.slice(i, i + 16).map((n) => blockAt(client, n)));
    for (const [j, block] of got.entries()) {
      if (!block) return undefined;
      blocks.set(numbers[i + j]!, block);
    }
  }
  for (const log of logs) if (blocks.get(log.blockNumber!)?.hash !== log.blockHash) return undefined;
  return { start, end, endHash: last.hash, logs, blocks };
}

const ROWS_PER_INSERT = 500;

/** Multi-row INSERTs (`casts[c]` after the placeholder of column c), in batches. */
async function insertRows(tx: Sql, head: string, casts: string[], rows: unknown[][]): Promise<void> {
  const n = casts.length;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const batch = rows.slice(i, i + ROWS_PER_INSERT);
    const values = batch.map((_, r) => `(${casts.map((cast, c) => `$${r * n + c + 1}${cast}`).join(', ')})`);
    await tx.query(`${head} VALUES ${values.join(', ')}`, batch.flat());
  }
}

async function writeChunk(sql: Sql, chain: IndexedChain, chunk: Chunk, previous: bigint | null): Promise<void> {
  const id = chain.chainId;
  await sql.transaction(async (tx) => {
    // The cursor is the lock: a second writer (another indexer on the same database) fails here.
    const moved = await tx.query(
      `UPDATE chains SET cursor_block = $2, cursor_hash = $3
         WHERE chain_id = $1 AND cursor_block IS NOT DISTINCT FROM $4::bigint RETURNING chain_id`,
      [id, chunk.end.toString(), chunk.endHash, previous === null ? null : previous.toString()],
    );
    if (moved.length !== 1)
      throw new Error(`The cursor of chain ${id} moved during the pass (another indexer on this database?)`);
    // Nothing can be above the cursor; anything left there by hand is replaced.
    const range = [id, chunk.start.toString(), chunk.end.toString()];
    await tx.query('DELETE FROM events WHERE chain_id = $1 AND block_number BETWEEN $2 AND $3', range);
    await tx.query('DELETE FROM blocks WHERE chain_id = $1 AND number BETWEEN $2 AND $3', range);
    await insertRows(
      tx,
      'INSERT INTO blocks (chain_id, number, hash, timestamp)',
      ['', '', '', ''],
      [...chunk.blocks].map(([n, b]) => [id, n.toString(), b.hash, b.timestamp.toString()]),
    );
    await insertRows(
      tx,
      'INSERT INTO events (chain_id, block_number, log_index, block_hash, tx_hash, address, contract, event_name, args)',
      // jsonb from its text: the same on PGlite and node-postgres
      ['', '', '', '', '', '', '', '', '::text::jsonb'],
      chunk.logs.map((log) => {
        const decoded = decodeLog(log, chain.contracts);
        return [
          id,
          log.blockNumber!.toString(),
          log.logIndex,
          log.blockHash,
          log.transactionHash,
          getAddress(log.address),
          decoded.contract,
          decoded.eventName,
          JSON.stringify(decoded.args),
        ];
      }),
    );
  });
}

/**
 * One pass: from the chain's cursor (or fromBlock) to head - confirmations (or options.toBlock),
 * in logRange chunks; each chunk is ONE transaction writing its events, the blocks they are in
 * plus the chunk's last block (number, hash, timestamp), and the cursor (block + hash).
 */
export async function syncChain(sql: Sql, chain: IndexedChain, options: SyncOptions = {}): Promise<SyncResult> {
  const { client } = chain;
  let { cursor, hash } = await loadCursor(sql, chain);
  let reorg: SyncResult['reorg'];
  if (cursor !== null && (await blockAt(client, cursor))?.hash !== hash) {
    const ancestor = await commonAncestor(sql, chain, cursor);
    await rewindTo(sql, chain, ancestor);
    reorg = { from: ancestor + 1n, to: cursor };
    ({ cursor, hash } = await loadCursor(sql, chain));
  }
  const head = await client.getBlockNumber({ cacheTime: 0 });
  options.onProgress?.({ head, cursor });
  let target = options.toBlock ?? head - BigInt(chain.confirmations);
  if (target > head) target = head;

  const from = (cursor ?? chain.fromBlock - 1n) + 1n;
  const addresses = Object.keys(chain.contracts) as Address[];
  const range = BigInt(Math.max(1, chain.logRange));
  let events = 0;
  while ((cursor ?? chain.fromBlock - 1n) < target && !options.signal?.aborted) {
    const start = (cursor ?? chain.fromBlock - 1n) + 1n;
    const end = start + range - 1n < target ? start + range - 1n : target;
    const chunk = await readChunk(chain, addresses, start, end, hash);
    if (!chunk || options.signal?.aborted) break; // changed under the read: the next pass repairs
    await writeChunk(sql, chain, chunk, cursor);
    cursor = chunk.end;
    hash = chunk.endHash;
    events += chunk.logs.length;
    options.onProgress?.({ head, cursor });
  }
  return { from, to: cursor ?? chain.fromBlock - 1n, events, ...(reorg ? { reorg } : {}) };
}
