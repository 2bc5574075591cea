/**
 * Durable state of one relayer: SQLite (better-sqlite3, WAL, synchronous=FULL) in the
 * relayer's data dir. Every state change that must survive a kill -9 is one
 * transaction. Migrations are numbered and applied in order at open.
 *
 * Tables
 *   cursors     per source chain: the last block scanned (and its hash)
 *   blocks      recent scanned block hashes per chain (reorg detection)
 *   outbox      every message of every source outbox, by (src, index): leaf, message, ciphertext
 *   deliveries  per message to a destination we serve: state machine
 *               pending → submitted → delivered | delivered_by_other | failed (with reason)
 *               (vanished when a reorg deeper than the confirmations removed it)
 *   txs         every transaction sent: chain, nonce, hash, fees, purpose
 *   signed      checkpoints this relayer signed (never sign two roots for one count)
 *   votes       CheckpointVoted seen on destinations (with signatures, for the watcher)
 *   accepted    CheckpointAccepted seen on destinations
 *   evidence    slashing evidence submitted by the watcher
 *   scans       per (chain, stream) event cursors on destinations
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const MIGRATIONS: string[] = [
  `CREATE TABLE cursors (chain_id INTEGER PRIMARY KEY, block INTEGER NOT NULL, hash TEXT NOT NULL);
   CREATE TABLE blocks (chain_id INTEGER NOT NULL, number INTEGER NOT NULL, hash TEXT NOT NULL,
     PRIMARY KEY (chain_id, number));
   CREATE TABLE outbox (src_chain INTEGER NOT NULL, idx INTEGER NOT NULL, message_id TEXT NOT NULL,
     dst_chain INTEGER NOT NULL, leaf TEXT NOT NULL, message TEXT NOT NULL, ciphertext TEXT NOT NULL,
     block_number INTEGER NOT NULL, block_time_ms INTEGER NOT NULL, tx_hash TEXT NOT NULL,
     PRIMARY KEY (src_chain, idx));
   CREATE TABLE deliveries (message_id TEXT PRIMARY KEY, src_chain INTEGER NOT NULL, idx INTEGER NOT NULL,
     dst_chain INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
     next_at_ms INTEGER NOT NULL DEFAULT 0, reason TEXT, tx_hash TEXT, nonce INTEGER,
     seen_at_ms INTEGER NOT NULL, ready_at_ms INTEGER, done_at_ms INTEGER, latency_ms INTEGER, by TEXT);
   CREATE INDEX deliveries_open ON deliveries (dst_chain, state, idx);
   CREATE TABLE txs (chain_id INTEGER NOT NULL, nonce INTEGER NOT NULL, hash TEXT NOT NULL, kind TEXT NOT NULL,
     ref TEXT NOT NULL, max_fee TEXT NOT NULL, tip TEXT NOT NULL, sent_at_ms INTEGER NOT NULL,
     status TEXT NOT NULL DEFAULT 'sent', PRIMARY KEY (chain_id, hash));
   CREATE INDEX txs_nonce ON txs (chain_id, nonce);
   CREATE TABLE signed (src_chain INTEGER NOT NULL, count INTEGER NOT NULL, root TEXT NOT NULL,
     signature TEXT NOT NULL, PRIMARY KEY (src_chain, count));
   CREATE TABLE votes (dst_chain INTEGER NOT NULL, src_chain INTEGER NOT NULL, count INTEGER NOT NULL,
     root TEXT NOT NULL, signer TEXT NOT NULL, epoch INTEGER NOT NULL, votes INTEGER NOT NULL,
     tx_hash TEXT NOT NULL, block INTEGER NOT NULL, checked INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (dst_chain, tx_hash, signer, count, root));
   CREATE TABLE accepted (dst_chain INTEGER NOT NULL, src_chain INTEGER NOT NULL, count INTEGER NOT NULL,
     root TEXT NOT NULL, block INTEGER NOT NULL, seen_at_ms INTEGER NOT NULL,
     PRIMARY KEY (dst_chain, src_chain, count, root));
   CREATE TABLE evidence (id TEXT PRIMARY KEY, chain_id INTEGER NOT NULL, kind TEXT NOT NULL, signer TEXT NOT NULL,
     state TEXT NOT NULL, tx_hash TEXT, reason TEXT, at_ms INTEGER NOT NULL);
   CREATE TABLE scans (chain_id INTEGER NOT NULL, stream TEXT NOT NULL, block INTEGER NOT NULL,
     PRIMARY KEY (chain_id, stream));`,
];

export type DeliveryState = 'pending' | 'submitted' | 'delivered' | 'delivered_by_other' | 'failed' | 'vanished';

export type OutboxRow = {
  src_chain: number;
  idx: number;
  message_id: string;
  dst_chain: number;
  leaf: string;
  message: string;
  ciphertext: string;
  block_number: number;
  block_time_ms: number;
  tx_hash: string;
};

export type DeliveryRow = {
  message_id: string;
  src_chain: number;
  idx: number;
  dst_chain: number;
  state: DeliveryState;
  attempts: number;
  next_at_ms: number;
  reason: string | null;
  tx_hash: string | null;
  nonce: number | null;
  seen_at_ms: number;
  ready_at_ms: number | null;
  done_at_ms: number | null;
  latency_ms: number | null;
  by: string | null;
};

type Statement = Database.Statement<unknown[], unknown>;

export type Db = {
  raw: Database.Database;
  q: Record<QueryName, Statement>;
  tx<T>(fn: () => T): T;
  close(): void;
};

type QueryName =
  | 'cursor'
  | 'setCursor'
  | 'addBlock'
  | 'pruneBlocks'
  | 'blocksDesc'
  | 'addOutbox'
  | 'addDelivery'
  | 'leaves'
  | 'outboxCount'
  | 'outboxAt'
  | 'vanishAbove'
  | 'deleteOutboxAbove'
  | 'deleteBlocksAbove'
  | 'open'
  | 'delivery'
  | 'minPendingIdx'
  | 'setState'
  | 'setSubmitted'
  | 'setRetry'
  | 'setReady'
  | 'counts'
  | 'failed'
  | 'lastLatency'
  | 'addTx'
  | 'txsByRef'
  | 'signed'
  | 'addSigned'
  | 'addVote'
  | 'uncheckedVotes'
  | 'setVoteChecked'
  | 'openVotes'
  | 'addAccepted'
  | 'acceptedCovering'
  | 'openCount'
  | 'maxAccepted'
  | 'evidence'
  | 'addEvidence'
  | 'evidenceAll'
  | 'scan'
  | 'setScan';

export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'relayer.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT id FROM migrations').all() as { id: number }[]).map((r) => r.id));
  MIGRATIONS.forEach((sql, i) => {
    if (applied.has(i + 1)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO migrations (id, applied_at) VALUES (?, ?)').run(i + 1, new Date().toISOString());
    })();
  });

  const q: Record<QueryName, Statement> = {
    cursor: db.prepare('SELECT block, hash FROM cursors WHERE chain_id = ?'),
    setCursor: db.prepare(
      'INSERT INTO cursors (chain_id, block, hash) VALUES (?, ?, ?) ON CONFLICT (chain_id) DO UPDATE SET block = excluded.block, hash = excluded.hash',
    ),
    addBlock: db.prepare('INSERT OR REPLACE INTO blocks (chain_id, number, hash) VALUES (?, ?, ?)'),
    pruneBlocks: db.prepare('DELETE FROM blocks WHERE chain_id = ? AND number < ?'),
    blocksDesc: db.prepare('SELECT number, hash FROM blocks WHERE chain_id = ? ORDER BY number DESC'),
    addOutbox: db.prepare(
      `INSERT OR IGNORE INTO outbox (src_chain, idx, message_id, dst_chain, leaf, message, ciphertext, block_number, block_time_ms, tx_hash)
       VALUES (@src_chain, @idx, @message_id, @dst_chain, @leaf, @message, @ciphertext, @block_number, @block_time_ms, @tx_hash)`,
    ),
    // Message ids are (chain, hub, index): after a reorg, the message exported at a vanished
    // message's index reuses its id, so a vanished row starts over as the new message.
    addDelivery: db.prepare(
      `INSERT INTO deliveries (message_id, src_chain, idx, dst_chain, state, seen_at_ms, reason, done_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (message_id) DO UPDATE SET dst_chain = excluded.dst_chain, state = excluded.state,
         seen_at_ms = excluded.seen_at_ms, reason = excluded.reason, done_at_ms = excluded.done_at_ms,
         attempts = 0, next_at_ms = 0, tx_hash = NULL, nonce = NULL, ready_at_ms = NULL, latency_ms = NULL, by = NULL
       WHERE deliveries.state = 'vanished'`,
    ),
    leaves: db.prepare('SELECT leaf FROM outbox WHERE src_chain = ? AND idx < ? ORDER BY idx'),
    outboxCount: db.prepare('SELECT COUNT(*) AS n, MAX(idx) AS max FROM outbox WHERE src_chain = ?'),
    outboxAt: db.prepare('SELECT * FROM outbox WHERE src_chain = ? AND idx = ?'),
    vanishAbove: db.prepare(
      `UPDATE deliveries SET state = 'vanished', reason = 'removed by a reorg of the source' WHERE src_chain = ? AND idx IN (SELECT idx FROM outbox WHERE src_chain = ? AND block_number > ?) AND state IN ('pending','submitted')`,
    ),
    deleteOutboxAbove: db.prepare('DELETE FROM outbox WHERE src_chain = ? AND block_number > ?'),
    deleteBlocksAbove: db.prepare('DELETE FROM blocks WHERE chain_id = ? AND number > ?'),
    openCount: db.prepare(
      `SELECT COUNT(*) AS n FROM deliveries WHERE dst_chain = ? AND state IN ('pending','submitted')`,
    ),
    open: db.prepare(
      `SELECT * FROM deliveries WHERE dst_chain = ? AND state IN ('pending','submitted') ORDER BY src_chain, idx LIMIT ?`,
    ),
    delivery: db.prepare('SELECT * FROM deliveries WHERE message_id = ?'),
    minPendingIdx: db.prepare(
      `SELECT MIN(idx) AS idx FROM deliveries WHERE src_chain = ? AND dst_chain = ? AND state = 'pending'`,
    ),
    setState: db.prepare(
      `UPDATE deliveries SET state = @state, reason = @reason, done_at_ms = @done_at_ms, latency_ms = @latency_ms, by = @by WHERE message_id = @message_id`,
    ),
    setSubmitted: db.prepare(
      `UPDATE deliveries SET state = 'submitted', tx_hash = ?, nonce = ?, attempts = attempts + 1 WHERE message_id = ?`,
    ),
    setRetry: db.prepare(
      `UPDATE deliveries SET state = 'pending', attempts = attempts + 1, next_at_ms = ?, reason = ? WHERE message_id = ?`,
    ),
    setReady: db.prepare('UPDATE deliveries SET ready_at_ms = ? WHERE message_id = ? AND ready_at_ms IS NULL'),
    counts: db.prepare('SELECT dst_chain, state, COUNT(*) AS n FROM deliveries GROUP BY dst_chain, state'),
    failed: db.prepare(
      `SELECT message_id, src_chain, dst_chain, idx, reason FROM deliveries WHERE state = 'failed' ORDER BY done_at_ms DESC LIMIT 50`,
    ),
    lastLatency: db.prepare(
      `SELECT latency_ms FROM deliveries WHERE dst_chain = ? AND state = 'delivered' ORDER BY done_at_ms DESC LIMIT 1`,
    ),
    addTx: db.prepare(
      'INSERT OR REPLACE INTO txs (chain_id, nonce, hash, kind, ref, max_fee, tip, sent_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    txsByRef: db.prepare('SELECT * FROM txs WHERE chain_id = ? AND ref = ? ORDER BY sent_at_ms'),
    signed: db.prepare('SELECT root, signature FROM signed WHERE src_chain = ? AND count = ?'),
    addSigned: db.prepare('INSERT OR IGNORE INTO signed (src_chain, count, root, signature) VALUES (?, ?, ?, ?)'),
    addVote: db.prepare(
      `INSERT OR IGNORE INTO votes (dst_chain, src_chain, count, root, signer, epoch, votes, tx_hash, block)
       VALUES (@dst_chain, @src_chain, @count, @root, @signer, @epoch, @votes, @tx_hash, @block)`,
    ),
    uncheckedVotes: db.prepare('SELECT * FROM votes WHERE checked = 0 AND src_chain = ? ORDER BY block LIMIT 200'),
    setVoteChecked: db.prepare(
      'UPDATE votes SET checked = ? WHERE dst_chain = ? AND tx_hash = ? AND signer = ? AND count = ? AND root = ?',
    ),
    openVotes: db.prepare(
      `SELECT count, root, epoch, MAX(votes) AS votes FROM votes WHERE dst_chain = ? AND src_chain = ? AND epoch = ? AND count >= ?
       GROUP BY count, root, epoch ORDER BY votes DESC, count ASC`,
    ),
    addAccepted: db.prepare(
      'INSERT OR IGNORE INTO accepted (dst_chain, src_chain, count, root, block, seen_at_ms) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    acceptedCovering: db.prepare(
      'SELECT count, root, seen_at_ms FROM accepted WHERE dst_chain = ? AND src_chain = ? AND count > ? ORDER BY count ASC',
    ),
    maxAccepted: db.prepare('SELECT MAX(count) AS count FROM accepted WHERE dst_chain = ? AND src_chain = ?'),
    evidence: db.prepare('SELECT * FROM evidence WHERE id = ?'),
    addEvidence: db.prepare(
      'INSERT OR REPLACE INTO evidence (id, chain_id, kind, signer, state, tx_hash, reason, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    evidenceAll: db.prepare('SELECT * FROM evidence ORDER BY at_ms DESC LIMIT 50'),
    scan: db.prepare('SELECT block FROM scans WHERE chain_id = ? AND stream = ?'),
    setScan: db.prepare(
      'INSERT INTO scans (chain_id, stream, block) VALUES (?, ?, ?) ON CONFLICT (chain_id, stream) DO UPDATE SET block = excluded.block',
    ),
  };
  return { raw: db, q, tx: <T>(fn: () => T): T => db.transaction(fn)(), close: () => db.close() };
}
