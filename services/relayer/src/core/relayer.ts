/**
 * The relayer's pipeline, per configured chain:
 *   source  — MessageExported of the chain's hub from a persisted cursor, `confirmations`
 *             below the head; block hashes kept to detect reorgs deeper than that.
 *   dest    — CheckpointVoted / CheckpointAccepted / MessageImported of the chain's hub;
 *             signs a checkpoint of each source outbox that has undelivered messages for
 *             this chain (joining an open vote when one covers them, so votes converge),
 *             then delivers messages under accepted roots: the owner (message id mod the
 *             active set) at once, the others once the owner has made no progress on the
 *             message for the grace period (assignment.ts).
 *   watcher — every vote seen on a destination is compared with the source outbox; a
 *             wrong root or two roots for one count is slashed (alert-grade event).
 * Relayers coordinate only through the chains.
 */
import { type Address, decodeFunctionData, type Hash, type Hex, type LocalAccount, recoverAddress } from 'viem';
import type { ChainConfig, RelayerConfig } from '../config/schema.js';
import {
  type CheckpointStruct,
  ContractRevertError,
  checkpointDigest,
  computeOutboxLeaf,
  crossChainProofHubAbi,
  getOutboxCount,
  getOutboxRootAt,
  getPilEvents,
  getRelayerSet,
  getTreeSize,
  hasVoted,
  isAcceptedRoot,
  isMessageImported,
  isPaused,
  mapError,
  type OutboxMessage,
  outboxProof,
  outboxRoot,
  prepareImportMessage,
  prepareSlashEquivocation,
  prepareSlashWrongCheckpoint,
  prepareSubmitCheckpoint,
  signCheckpoint,
} from '../sdk.js';
import { mayDeliver, OwnerProgress, ownerOf } from './assignment.js';
import { type ChainClients, createChainClients } from './chains.js';
import type { Db, DeliveryRow, OutboxRow } from './db.js';
import { type EventBus, safeError } from './events.js';
import { importGasLimit } from './gas.js';
import { type Backoff, backoffDelay, isRetryable, seededRandom, sleep } from './retry.js';
import { TxSender } from './tx.js';

type ChainRuntime = {
  cfg: ChainConfig;
  clients: ChainClients;
  sender: TxSender;
  head: number;
  scanned: number;
  lastScanAt: number;
  balance: bigint;
  paused: boolean;
  active: boolean;
  activeSet: Address[];
  activeSetAt: number;
  epoch: bigint;
  /** (src) → checkpoint submission in flight */
  signing: Set<number>;
  delivering: Set<string>;
  /** Imports seen on this destination, per relayer (lower-case address). */
  progress: Map<string, OwnerProgress>;
  error: string | undefined;
};

/** Errors that mean "not now" rather than "never" for an import. */
const WAIT_ERRORS = new Set(['EnforcedPause', 'RootNotAccepted']);

const bigintJson = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? { $bigint: x.toString() } : x));
const bigintParse = <T>(s: string): T =>
  JSON.parse(s, (_, x) => (x && typeof x === 'object' && '$bigint' in x ? BigInt(x.$bigint) : x)) as T;

export class Relayer {
  readonly chains = new Map<number, ChainRuntime>();
  private stopped = false;
  private loops: Promise<void>[] = [];
  private readonly backoff: Backoff;
  private leafCache = new Map<number, Hex[]>();
  /** Destinations whose deliveries left `submitted` by a previous run are settled. */
  private resumed = new Set<number>();
  private startedAt = 0;

  constructor(
    readonly config: RelayerConfig,
    readonly account: LocalAccount,
    readonly db: Db,
    readonly bus: EventBus,
  ) {
    this.backoff = {
      baseMs: config.delivery.backoffBaseMs,
      maxMs: config.delivery.backoffMaxMs,
      random: seededRandom(config.seed ?? Math.floor(Math.random() * 2 ** 31)),
    };
    for (const cfg of config.chains) {
      const clients = createChainClients(cfg);
      this.chains.set(cfg.chainId, {
        cfg,
        clients,
        sender: new TxSender({ chain: cfg, client: clients.public, account, db, bus }),
        head: 0,
        scanned: 0,
        lastScanAt: 0,
        balance: 0n,
        paused: false,
        active: false,
        activeSet: [],
        activeSetAt: 0,
        epoch: 0n,
        signing: new Set(),
        delivering: new Set(),
        progress: new Map(),
        error: undefined,
      });
    }
  }

  start(): void {
    this.startedAt = Date.now();
    for (const c of this.chains.values()) {
      this.loops.push(this.loop(`source ${c.cfg.chainId}`, c.cfg.pollIntervalMs, () => this.sourceTick(c)));
      this.loops.push(this.loop(`dest ${c.cfg.chainId}`, c.cfg.pollIntervalMs, () => this.destTick(c)));
      this.loops.push(this.loop(`state ${c.cfg.chainId}`, 1_000, () => this.stateTick(c)));
      if (this.config.watcher.enabled) {
        this.loops.push(this.loop(`watcher ${c.cfg.chainId}`, 1_000, () => this.watchTick(c)));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.loops);
  }

  private async loop(what: string, intervalMs: number, tick: () => Promise<void>): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await tick();
        failures = 0;
        await sleep(intervalMs);
      } catch (err) {
        failures++;
        const delay = backoffDelay(this.backoff, failures);
        this.bus.emit({ type: 'retry', what, attempt: failures, delayMs: delay, error: safeError(err) });
        await sleep(delay);
      }
    }
  }

  // ------------------------------------------------------------------ source side

  private async sourceTick(c: ChainRuntime): Promise<void> {
    const { db } = this;
    const id = c.cfg.chainId;
    const pub = c.clients.public;
    const head = Number(await pub.getBlockNumber({ cacheTime: 0 }));
    c.head = head;
    const cursor = db.q.cursor.get(id) as { block: number; hash: string } | undefined;
    let from = cursor ? cursor.block + 1 : Number(c.cfg.fromBlock);
    if (cursor && cursor.block <= head) {
      const b = await pub.getBlock({ blockNumber: BigInt(cursor.block) });
      if (b.hash !== cursor.hash) {
        from = (await this.rewind(c)) + 1;
      }
    } else if (cursor && cursor.block > head) {
      from = (await this.rewind(c)) + 1;
    }
    const safe = head - c.cfg.confirmations;
    c.scanned = from - 1;
    c.lastScanAt = Date.now();
    if (safe < from) return;
    const to = Math.min(safe, from + c.cfg.logRange - 1);
    const toBlock = await pub.getBlock({ blockNumber: BigInt(to) });
    const events = await getPilEvents(c.clients.pil, {
      contract: 'proofHub',
      eventName: 'MessageExported',
      fromBlock: BigInt(from),
      toBlock: BigInt(to),
    });
    const times = new Map<bigint, number>();
    for (const e of events) {
      if (!times.has(e.blockNumber)) {
        const b = await pub.getBlock({ blockNumber: e.blockNumber });
        times.set(e.blockNumber, Number(b.timestamp) * 1000);
      }
    }
    // The range must still be on the canonical chain after reading it.
    const again = await pub.getBlock({ blockNumber: BigInt(to) });
    if (again.hash !== toBlock.hash) return;
    const now = Date.now();
    const seen: { messageId: string; dst: number; index: number }[] = [];
    db.tx(() => {
      for (const e of events) {
        const message = e.args.message as OutboxMessage;
        const messageId = e.args.messageId as Hex;
        const row: OutboxRow = {
          src_chain: id,
          idx: Number(message.index),
          message_id: messageId,
          dst_chain: Number(message.dstChainId),
          leaf: computeOutboxLeaf(message),
          message: bigintJson(message),
          ciphertext: e.args.ciphertext as string,
          block_number: Number(e.blockNumber),
          block_time_ms: times.get(e.blockNumber) ?? now,
          tx_hash: e.transactionHash,
        };
        db.q.addOutbox.run(row);
        const served = this.chains.has(row.dst_chain) && row.dst_chain !== id;
        db.q.addDelivery.run(
          messageId,
          id,
          row.idx,
          row.dst_chain,
          served ? 'pending' : 'failed',
          now,
          served ? null : `unknown destination: chain ${row.dst_chain} is not served by this relayer`,
          served ? null : now,
        );
        seen.push({ messageId, dst: row.dst_chain, index: row.idx });
      }
      db.q.addBlock.run(id, to, toBlock.hash);
      db.q.pruneBlocks.run(id, to - 256);
      db.q.setCursor.run(id, to, toBlock.hash);
    });
    this.leafCache.delete(id);
    c.scanned = to;
    for (const s of seen) {
      this.bus.emit({ type: 'seen', messageId: s.messageId, src: id, dst: s.dst, index: s.index });
      const d = db.q.delivery.get(s.messageId) as DeliveryRow | undefined;
      if (d?.state === 'failed')
        this.bus.emit({ type: 'failed', messageId: s.messageId, dst: s.dst, reason: d.reason ?? '' });
    }
  }

  /** A reorg deeper than the confirmations: back to the last block whose hash still matches. */
  private async rewind(c: ChainRuntime): Promise<number> {
    const id = c.cfg.chainId;
    const rows = this.db.q.blocksDesc.all(id) as { number: number; hash: string }[];
    let keep = Number(c.cfg.fromBlock) - 1;
    for (const r of rows) {
      const b = await c.clients.public.getBlock({ blockNumber: BigInt(r.number) }).catch(() => undefined);
      if (b && b.hash === r.hash) {
        keep = r.number;
        break;
      }
    }
    const old = (this.db.q.cursor.get(id) as { block: number } | undefined)?.block ?? keep;
    const vanished = this.db.raw
      .prepare(
        `SELECT message_id FROM deliveries WHERE src_chain = ? AND state IN ('pending','submitted') AND idx IN (SELECT idx FROM outbox WHERE src_chain = ? AND block_number > ?)`,
      )
      .all(id, id, keep) as { message_id: string }[];
    this.db.tx(() => {
      this.db.q.vanishAbove.run(id, id, keep);
      this.db.q.deleteOutboxAbove.run(id, keep);
      this.db.q.deleteBlocksAbove.run(id, keep);
      const hash = keep >= 0 ? (rows.find((r) => r.number === keep)?.hash ?? '') : '';
      this.db.q.setCursor.run(id, keep, hash);
    });
    this.leafCache.delete(id);
    this.bus.emit({ type: 'reorg', chainId: id, from: old, to: keep });
    for (const v of vanished) this.bus.emit({ type: 'vanished', messageId: v.message_id, src: id });
    return keep;
  }

  /** Leaves of the source outbox as scanned (contiguous from index 0). */
  private leaves(src: number): Hex[] {
    let cached = this.leafCache.get(src);
    if (!cached) {
      cached = (this.db.q.leaves.all(src, Number.MAX_SAFE_INTEGER) as { leaf: Hex }[]).map((r) => r.leaf);
      this.leafCache.set(src, cached);
    }
    return cached;
  }

  // ------------------------------------------------------------------ destination side

  private async scanDestination(d: ChainRuntime): Promise<void> {
    const { db } = this;
    const id = d.cfg.chainId;
    const head = Number(await d.clients.public.getBlockNumber({ cacheTime: 0 }));
    const last = (db.q.scan.get(id, 'dest') as { block: number } | undefined)?.block ?? Number(d.cfg.fromBlock) - 1;
    if (head <= last) return;
    const from = BigInt(last + 1);
    const to = BigInt(Math.min(head, last + d.cfg.logRange));
    const get = (eventName: string) =>
      getPilEvents(d.clients.pil, { contract: 'proofHub', eventName, fromBlock: from, toBlock: to });
    const [votes, accepted, imported] = await Promise.all([
      get('CheckpointVoted'),
      get('CheckpointAccepted'),
      get('MessageImported'),
    ]);
    const now = Date.now();
    const done: { messageId: string; mine: boolean; latency: number }[] = [];
    db.tx(() => {
      for (const v of votes) {
        db.q.addVote.run({
          dst_chain: id,
          src_chain: Number(v.args.srcChainId as bigint),
          count: Number(v.args.count as bigint),
          root: v.args.root as string,
          signer: (v.args.signer as string).toLowerCase(),
          epoch: Number(v.args.epoch as bigint),
          votes: Number(v.args.votes as bigint),
          tx_hash: v.transactionHash,
          block: Number(v.blockNumber),
        });
      }
      for (const a of accepted) {
        db.q.addAccepted.run(
          id,
          Number(a.args.srcChainId as bigint),
          Number(a.args.count as bigint),
          a.args.root as string,
          Number(a.blockNumber),
          now,
        );
      }
      for (const m of imported) {
        const messageId = m.args.messageId as string;
        const row = db.q.delivery.get(messageId) as DeliveryRow | undefined;
        const by = (m.args.relayer as string).toLowerCase();
        const mine = by === this.account.address.toLowerCase();
        if (row) this.progressOf(d, by).record(row.src_chain, row.idx, now);
        if (!row || row.state === 'delivered' || row.state === 'delivered_by_other') continue;
        const o = db.q.outboxAt.get(row.src_chain, row.idx) as OutboxRow | undefined;
        const latency = o ? now - o.block_time_ms : 0;
        db.q.setState.run({
          message_id: messageId,
          state: mine ? 'delivered' : 'delivered_by_other',
          reason: null,
          done_at_ms: now,
          latency_ms: mine ? latency : null,
          by: (m.args.relayer as string).toLowerCase(),
        });
        done.push({ messageId, mine, latency });
      }
      db.q.setScan.run(id, 'dest', Number(to));
    });
    for (const a of accepted) {
      this.bus.emit({
        type: 'checkpoint.accepted',
        src: Number(a.args.srcChainId as bigint),
        dst: id,
        count: Number(a.args.count as bigint),
      });
    }
    for (const x of done) {
      if (x.mine) this.bus.emit({ type: 'relayed', messageId: x.messageId, dst: id, txHash: '', latencyMs: x.latency });
      else this.bus.emit({ type: 'skipped', messageId: x.messageId, dst: id, reason: 'delivered_by_other' });
    }
  }

  private async refreshSet(d: ChainRuntime): Promise<void> {
    if (Date.now() - d.activeSetAt < 2_000) return;
    const set = await getRelayerSet(d.clients.pil);
    d.activeSet = set.relayers
      .filter((r) => r.active)
      .map((r) => r.address.toLowerCase() as Address)
      .sort();
    d.epoch = set.epoch;
    d.active = d.activeSet.includes(this.account.address.toLowerCase() as Address);
    d.activeSetAt = Date.now();
  }

  private async destTick(d: ChainRuntime): Promise<void> {
    await this.scanDestination(d);
    await this.refreshSet(d);
    for (const s of this.chains.values()) {
      if (s.cfg.chainId === d.cfg.chainId) continue;
      await this.checkpoint(s, d);
    }
    if (!this.resumed.has(d.cfg.chainId) && (await this.resumeSubmitted(d))) this.resumed.add(d.cfg.chainId);
    await this.deliver(d);
  }

  /** Signs and submits a checkpoint of `s`'s outbox on `d` when undelivered messages need one. */
  private async checkpoint(s: ChainRuntime, d: ChainRuntime): Promise<void> {
    const src = s.cfg.chainId;
    const dst = d.cfg.chainId;
    if (!d.active || d.paused || d.signing.has(src)) return;
    const { db } = this;
    const pendingMax = this.db.raw
      .prepare(`SELECT MAX(idx) AS idx FROM deliveries WHERE src_chain = ? AND dst_chain = ? AND state = 'pending'`)
      .get(src, dst) as { idx: number | null };
    if (pendingMax.idx === null) return;
    const maxAccepted = (db.q.maxAccepted.get(dst, src) as { count: number | null }).count ?? 0;
    const needed = pendingMax.idx + 1;
    if (maxAccepted >= needed) return;
    const leaves = this.leaves(src);
    if (leaves.length < needed) return;
    // Join an open vote of this epoch that covers what we need and that we agree with.
    let count = leaves.length;
    const open = db.q.openVotes.all(dst, src, Number(d.epoch), needed) as { count: number; root: string }[];
    for (const v of open) {
      if (v.count <= leaves.length && outboxRoot(leaves.slice(0, v.count)) === v.root) {
        count = v.count;
        break;
      }
    }
    const root = outboxRoot(leaves.slice(0, count));
    const previous = db.q.signed.get(src, count) as { root: string } | undefined;
    if (previous && previous.root !== root) {
      this.bus.emit({
        type: 'alert',
        severity: 'critical',
        chainId: src,
        message: `refusing to sign a second root for count ${count} of chain ${src} (reorg beyond confirmations?)`,
      });
      return;
    }
    const onChain = await getOutboxRootAt(s.clients.pil, { count: BigInt(count) });
    if (onChain !== root) return; // the source disagrees (reorg in progress): wait
    const checkpoint: CheckpointStruct = { srcChainId: BigInt(src), srcHub: s.cfg.hub, count: BigInt(count), root };
    const [voted, accepted] = await Promise.all([
      hasVoted(d.clients.pil, { checkpoint, signer: this.account.address }),
      isAcceptedRoot(d.clients.pil, { srcChainId: BigInt(src), srcHub: s.cfg.hub, root }),
    ]);
    if (voted || accepted) return;
    const signature = await signCheckpoint(this.account, checkpoint);
    db.q.addSigned.run(src, count, root, signature);
    d.signing.add(src);
    const call = prepareSubmitCheckpoint(d.clients.pil, { checkpoint, signatures: [signature] });
    this.bus.emit({ type: 'checkpoint.signed', src, dst, count, root });
    d.sender
      .send(call, { kind: 'checkpoint', ref: `${src}:${count}` })
      .catch((err) => {
        const mapped = mapError(err);
        this.bus.emit({
          type: 'retry',
          what: `checkpoint ${src}->${dst}`,
          attempt: 1,
          delayMs: 0,
          error: safeError(mapped),
        });
      })
      .finally(() => d.signing.delete(src));
  }

  private progressOf(d: ChainRuntime, relayer: string): OwnerProgress {
    const p = d.progress.get(relayer) ?? new OwnerProgress(this.startedAt);
    d.progress.set(relayer, p);
    return p;
  }

  private async deliver(d: ChainRuntime): Promise<void> {
    const dst = d.cfg.chainId;
    const rows = this.db.q.open.all(dst, 5_000) as DeliveryRow[];
    this.bus.emit({ type: 'backlog', dst, depth: rows.length });
    if (d.paused) return;
    const now = Date.now();
    const me = this.account.address.toLowerCase();
    for (const row of rows) {
      if (d.delivering.size >= this.config.delivery.concurrency) break;
      if (row.state !== 'pending' || row.next_at_ms > now || d.delivering.has(row.message_id)) continue;
      const accepted = this.db.q.acceptedCovering.all(dst, row.src_chain, row.idx) as {
        count: number;
        root: Hex;
        seen_at_ms: number;
      }[];
      if (accepted.length === 0) continue;
      const readyAt = row.ready_at_ms ?? now;
      if (row.ready_at_ms === null) this.db.q.setReady.run(now, row.message_id);
      const owner = ownerOf(d.activeSet, row.message_id);
      const takeover = {
        me,
        owner,
        readyAt,
        now,
        graceMs: this.config.delivery.gracePeriodMs,
        progress: owner === undefined ? undefined : d.progress.get(owner),
        since: this.startedAt,
        src: row.src_chain,
        idx: row.idx,
      };
      if (!mayDeliver(takeover)) continue;
      d.delivering.add(row.message_id);
      this.deliverOne(d, row, accepted)
        .catch((err) => this.onDeliveryError(d, row, err))
        .finally(() => d.delivering.delete(row.message_id));
    }
  }

  private async deliverOne(d: ChainRuntime, row: DeliveryRow, accepted: { count: number; root: Hex }[]) {
    const dst = d.cfg.chainId;
    if (await isMessageImported(d.clients.pil, { messageId: row.message_id as Hex })) {
      this.markOther(dst, row.message_id);
      return;
    }
    const leaves = this.leaves(row.src_chain);
    const usable = accepted.find((a) => a.count <= leaves.length && outboxRoot(leaves.slice(0, a.count)) === a.root);
    if (!usable) return; // only roots we cannot reproduce (a wrong root: the watcher handles it)
    const o = this.db.q.outboxAt.get(row.src_chain, row.idx) as OutboxRow;
    const message = bigintParse<OutboxMessage>(o.message);
    const call = prepareImportMessage(d.clients.pil, {
      message,
      ciphertext: o.ciphertext as Hex,
      proof: outboxProof(leaves.slice(0, usable.count), row.idx),
      root: usable.root,
    });
    const result = await d.sender.send(call, {
      kind: 'import',
      ref: row.message_id,
      onSent: (hash, nonce) => this.db.q.setSubmitted.run(hash, nonce, row.message_id),
      gasLimit: (estimate, blockNumber) => this.importGas(d, estimate, blockNumber),
    });
    await this.settle(d, row, o, result.kind === 'mined' ? result.receipt.status === 'success' : false, result);
  }

  /**
   * The import lands after at most every open message of this destination (any relayer
   * may send them) plus a few inserts of users; its gas is bounded over that window.
   */
  private async importGas(d: ChainRuntime, estimate: bigint, blockNumber: bigint): Promise<bigint> {
    const size = Number(await getTreeSize(d.clients.pil, { blockNumber }));
    const open = this.db.q.openCount.get(d.cfg.chainId) as { n: number };
    return importGasLimit(estimate, size, open.n + 32, d.cfg.importGasMarginPercent);
  }

  private async settle(
    d: ChainRuntime,
    row: DeliveryRow,
    o: OutboxRow,
    success: boolean,
    result: { kind: string; hash?: Hash },
  ): Promise<void> {
    const dst = d.cfg.chainId;
    const now = Date.now();
    if (success) {
      const current = this.db.q.delivery.get(row.message_id) as DeliveryRow;
      if (current.state === 'delivered') return;
      const latency = now - o.block_time_ms;
      this.db.q.setState.run({
        message_id: row.message_id,
        state: 'delivered',
        reason: null,
        done_at_ms: now,
        latency_ms: latency,
        by: this.account.address.toLowerCase(),
      });
      this.bus.emit({ type: 'relayed', messageId: row.message_id, dst, txHash: result.hash ?? '', latencyMs: latency });
      return;
    }
    if (await isMessageImported(d.clients.pil, { messageId: row.message_id as Hex })) {
      this.markOther(dst, row.message_id);
      return;
    }
    this.retryLater(row, 'the transaction did not import the message');
  }

  private markOther(dst: number, messageId: string): void {
    const current = this.db.q.delivery.get(messageId) as DeliveryRow;
    if (current.state === 'delivered' || current.state === 'delivered_by_other') return;
    this.db.q.setState.run({
      message_id: messageId,
      state: 'delivered_by_other',
      reason: null,
      done_at_ms: Date.now(),
      latency_ms: null,
      by: null,
    });
    this.bus.emit({ type: 'skipped', messageId, dst, reason: 'delivered_by_other' });
  }

  private retryLater(row: DeliveryRow, reason: string): void {
    const current = this.db.q.delivery.get(row.message_id) as DeliveryRow;
    const delay = backoffDelay(this.backoff, Math.min(current.attempts + 1, 8));
    this.db.q.setRetry.run(Date.now() + delay, reason, row.message_id);
    this.bus.emit({
      type: 'retry',
      what: `import ${row.message_id}`,
      attempt: current.attempts + 1,
      delayMs: delay,
      error: reason,
    });
  }

  private onDeliveryError(d: ChainRuntime, row: DeliveryRow, err: unknown): void {
    const mapped = mapError(err);
    const name = mapped instanceof ContractRevertError ? mapped.errorName : undefined;
    if (name === 'MessageAlreadyImported') {
      this.markOther(d.cfg.chainId, row.message_id);
      return;
    }
    if (name === 'EnforcedPause') d.paused = true;
    if ((name && WAIT_ERRORS.has(name)) || isRetryable(mapped) || !(mapped instanceof ContractRevertError)) {
      this.retryLater(row, safeError(mapped));
      return;
    }
    const reason = `${name}: ${mapped.shortMessage}`.slice(0, 300);
    this.db.q.setState.run({
      message_id: row.message_id,
      state: 'failed',
      reason,
      done_at_ms: Date.now(),
      latency_ms: null,
      by: null,
    });
    this.bus.emit({ type: 'failed', messageId: row.message_id, dst: d.cfg.chainId, reason });
  }

  /**
   * After a restart: a message left `submitted` by the previous run is settled from its
   * saved transactions (hash and nonce of every broadcast, replacements included) instead
   * of being sent again: a mined success is `delivered`, a revert or a nonce used by
   * something else sends it back to `pending` (after checking whether another relayer
   * imported it). A transaction still waiting in the pool is given 2 × stuckAfterMs to be
   * mined before the message goes back to `pending`. Returns whether all are settled.
   */
  private async resumeSubmitted(d: ChainRuntime): Promise<boolean> {
    const dst = d.cfg.chainId;
    const rows = this.db.raw
      .prepare(`SELECT * FROM deliveries WHERE state = 'submitted' AND dst_chain = ?`)
      .all(dst) as DeliveryRow[];
    if (rows.length === 0) return true;
    const pub = d.clients.public;
    const latestNonce = await pub.getTransactionCount({ address: this.account.address, blockTag: 'latest' });
    let open = 0;
    for (const row of rows) {
      const txs = this.db.q.txsByRef.all(dst, row.message_id) as { hash: Hash; nonce: number }[];
      let receipt: Awaited<ReturnType<typeof pub.getTransactionReceipt>> | undefined;
      for (const tx of txs) {
        receipt = await pub.getTransactionReceipt({ hash: tx.hash }).catch(() => undefined);
        if (receipt) break;
      }
      const o = this.db.q.outboxAt.get(row.src_chain, row.idx) as OutboxRow | undefined;
      if (receipt?.status === 'success' && o) {
        await this.settle(d, row, o, true, { kind: 'mined', hash: receipt.transactionHash });
        continue;
      }
      const consumed = txs.length === 0 || txs.every((t) => t.nonce < latestNonce);
      if (!receipt && !consumed && Date.now() - this.startedAt < 2 * d.cfg.stuckAfterMs) {
        open++; // still in the pool, maybe: look again next tick
        continue;
      }
      if (await isMessageImported(d.clients.pil, { messageId: row.message_id as Hex })) {
        this.markOther(dst, row.message_id);
        continue;
      }
      this.db.q.setRetry.run(
        0,
        receipt ? 'its transaction reverted (before a restart)' : 'resumed after restart',
        row.message_id,
      );
    }
    return open === 0;
  }

  // ------------------------------------------------------------------ chain state

  private async stateTick(c: ChainRuntime): Promise<void> {
    const [balance, paused] = await Promise.all([
      c.clients.public.getBalance({ address: this.account.address }),
      c.cfg.orchestrator ? isPaused(c.clients.pil) : Promise.resolve(false),
    ]);
    if (paused && !c.paused) this.bus.emit({ type: 'paused', chainId: c.cfg.chainId });
    c.balance = balance;
    c.paused = paused;
  }

  // ------------------------------------------------------------------ watcher

  /** Checks votes for checkpoints of `s`'s outbox seen on any destination. */
  private async watchTick(s: ChainRuntime): Promise<void> {
    const src = s.cfg.chainId;
    const votes = this.db.q.uncheckedVotes.all(src) as {
      dst_chain: number;
      count: number;
      root: Hex;
      signer: Address;
      tx_hash: Hash;
    }[];
    if (votes.length === 0) return;
    const outboxCount = Number(await getOutboxCount(s.clients.pil));
    for (const v of votes) {
      const mark = (state: number) =>
        this.db.q.setVoteChecked.run(state, v.dst_chain, v.tx_hash, v.signer, v.count, v.root);
      if (v.count <= outboxCount) {
        // Provable on the source: the root differs from the outbox at that count.
        const expected = await getOutboxRootAt(s.clients.pil, { count: BigInt(v.count) });
        if (expected === v.root) {
          mark(1);
          continue;
        }
        await this.slashWrongRoot(s, v);
        mark(2);
        continue;
      }
      // Beyond the source's count: only two roots signed for one count (equivocation) is provable.
      const other = this.db.raw
        .prepare('SELECT * FROM votes WHERE src_chain = ? AND count = ? AND signer = ? AND root != ? LIMIT 1')
        .get(src, v.count, v.signer, v.root) as { dst_chain: number; root: Hex; tx_hash: Hash } | undefined;
      if (other) {
        await this.slashEquivocation(s, v, other);
        mark(2);
      }
    }
  }

  private async signatureOf(dst: number, txHash: Hash, checkpoint: CheckpointStruct, signer: string): Promise<Hex> {
    const d = this.chains.get(dst)!;
    const tx = await d.clients.public.getTransaction({ hash: txHash });
    const { args } = decodeFunctionData({ abi: crossChainProofHubAbi, data: tx.input });
    const digest = checkpointDigest(checkpoint);
    for (const sig of (args?.[1] ?? []) as Hex[]) {
      const who = await recoverAddress({ hash: digest, signature: sig });
      if (who.toLowerCase() === signer.toLowerCase()) return sig;
    }
    throw new Error(`no signature of ${signer} in ${txHash}`);
  }

  private async slashWrongRoot(
    s: ChainRuntime,
    v: { dst_chain: number; count: number; root: Hex; signer: Address; tx_hash: Hash },
  ): Promise<void> {
    const src = s.cfg.chainId;
    const id = `wrong-root:${src}:${v.count}:${v.root}:${v.signer}`;
    if (this.db.q.evidence.get(id)) return;
    this.bus.emit({
      type: 'alert',
      severity: 'critical',
      chainId: v.dst_chain,
      signer: v.signer,
      message: `relayer ${v.signer} signed a wrong root of chain ${src} at count ${v.count}`,
    });
    const checkpoint: CheckpointStruct = {
      srcChainId: BigInt(src),
      srcHub: s.cfg.hub,
      count: BigInt(v.count),
      root: v.root,
    };
    const signature = await this.signatureOf(v.dst_chain, v.tx_hash, checkpoint, v.signer);
    await this.submitSlash(
      s,
      id,
      'wrong-root',
      v.signer,
      prepareSlashWrongCheckpoint(s.clients.pil, { checkpoint, signature }),
    );
  }

  private async slashEquivocation(
    s: ChainRuntime,
    v: { dst_chain: number; count: number; root: Hex; signer: Address; tx_hash: Hash },
    other: { dst_chain: number; root: Hex; tx_hash: Hash },
  ): Promise<void> {
    const src = s.cfg.chainId;
    const roots = [v.root, other.root].sort();
    const id = `equivocation:${src}:${v.count}:${roots.join(':')}:${v.signer}`;
    if (this.db.q.evidence.get(id)) return;
    this.bus.emit({
      type: 'alert',
      severity: 'critical',
      chainId: v.dst_chain,
      signer: v.signer,
      message: `relayer ${v.signer} signed two roots of chain ${src} at count ${v.count}`,
    });
    const a: CheckpointStruct = { srcChainId: BigInt(src), srcHub: s.cfg.hub, count: BigInt(v.count), root: v.root };
    const b: CheckpointStruct = { ...a, root: other.root };
    const [signatureA, signatureB] = await Promise.all([
      this.signatureOf(v.dst_chain, v.tx_hash, a, v.signer),
      this.signatureOf(other.dst_chain, other.tx_hash, b, v.signer),
    ]);
    const d = this.chains.get(v.dst_chain)!;
    await this.submitSlash(
      d,
      id,
      'equivocation',
      v.signer,
      prepareSlashEquivocation(d.clients.pil, { a, signatureA, b, signatureB }),
    );
  }

  private async submitSlash(
    on: ChainRuntime,
    id: string,
    kind: 'wrong-root' | 'equivocation',
    signer: string,
    call: ReturnType<typeof prepareSlashWrongCheckpoint>,
  ): Promise<void> {
    const now = Date.now();
    try {
      const r = await on.sender.send(call, { kind: `slash-${kind}`, ref: id });
      const hash = r.kind === 'mined' ? r.hash : '';
      const ok = r.kind === 'mined' && r.receipt.status === 'success';
      this.db.q.addEvidence.run(id, on.cfg.chainId, kind, signer, ok ? 'slashed' : 'reverted', hash, null, now);
      if (ok) this.bus.emit({ type: 'slashed', chainId: on.cfg.chainId, signer, kind, txHash: hash });
    } catch (err) {
      const mapped = mapError(err);
      const name = mapped instanceof ContractRevertError ? mapped.errorName : undefined;
      if (name === 'EvidenceAlreadyUsed' || name === 'NothingToSlash') {
        this.db.q.addEvidence.run(id, on.cfg.chainId, kind, signer, 'already', null, name, now);
        return;
      }
      if (isRetryable(mapped)) throw mapped; // the loop backs off; the vote stays unchecked
      this.db.q.addEvidence.run(id, on.cfg.chainId, kind, signer, 'failed', null, safeError(mapped), now);
    }
  }

  // ------------------------------------------------------------------ status

  status() {
    const counts = this.db.q.counts.all() as { dst_chain: number; state: string; n: number }[];
    const by = (dst: number, state: string) => counts.find((c) => c.dst_chain === dst && c.state === state)?.n ?? 0;
    return {
      relayer: this.account.address,
      name: this.config.name,
      chains: [...this.chains.values()].map((c) => {
        const id = c.cfg.chainId;
        const lat = this.db.q.lastLatency.get(id) as { latency_ms: number } | undefined;
        return {
          chainId: id,
          head: c.head,
          lastBlockSeen: c.scanned,
          queueDepth: by(id, 'pending') + by(id, 'submitted'),
          pending: by(id, 'pending'),
          submitted: by(id, 'submitted'),
          delivered: by(id, 'delivered'),
          deliveredByOther: by(id, 'delivered_by_other'),
          failed: by(id, 'failed'),
          vanished: by(id, 'vanished'),
          lastDeliveryLatencyMs: lat?.latency_ms ?? null,
          balance: c.balance.toString(),
          paused: c.paused,
          active: c.active,
          inFlightTxs: c.sender.pending,
        };
      }),
      failed: this.db.q.failed.all(),
      evidence: this.db.q.evidenceAll.all(),
    };
  }

  ready(): { ready: boolean; reasons: string[] } {
    const reasons: string[] = [];
    for (const c of this.chains.values()) {
      if (c.lastScanAt === 0 || Date.now() - c.lastScanAt > 30_000) reasons.push(`chain ${c.cfg.chainId}: not synced`);
      else if (c.head - c.cfg.confirmations - c.scanned > c.cfg.logRange)
        reasons.push(`chain ${c.cfg.chainId}: catching up`);
      if (c.balance < c.cfg.minBalance) reasons.push(`chain ${c.cfg.chainId}: balance below minimum`);
    }
    return { ready: reasons.length === 0, reasons };
  }

  lag(): { src: number; dst: number; lag: number }[] {
    const out: { src: number; dst: number; lag: number }[] = [];
    for (const s of this.chains.keys()) {
      const n = this.leaves(s).length;
      for (const d of this.chains.keys()) {
        if (s === d) continue;
        const acc = (this.db.q.maxAccepted.get(d, s) as { count: number | null }).count ?? 0;
        out.push({ src: s, dst: d, lag: Math.max(0, n - acc) });
      }
    }
    return out;
  }
}
