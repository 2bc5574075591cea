/**
 * The indexer as a service: one loop per chain runs `syncChain` every `pollIntervalMs` (with
 * exponential backoff while a chain fails: an RPC down is reported, never fatal, and the next
 * pass resumes from the cursor), and one loopback HTTP server serves /health, /status (per
 * chain: cursor, head, lag, events, last error) and /events (newest first).
 *
 * The indexer is its database's one writer, so `pil db` asks a running one through
 * `POST /admin/{backup,restore,verify,replay}` (bearer token: INDEXER_ADMIN_TOKEN, or a random
 * one written to the ready file, mode 0600); restore and replay run with every chain's loop
 * held (src/ops does the work).
 *
 * Environment: INDEXER_CONFIG (the config file, or --config), DATABASE_URL (PostgreSQL instead
 * of PGlite; never echoed), INDEXER_ADMIN_TOKEN (optional), INDEXER_EXIT_WITH_STDIN=1 (stop
 * when the parent's stdin pipe closes: npm start).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { createPublicClient, defineChain, http, type PublicClient } from 'viem';
import { databaseOptions, loadConfig, redact } from './config/load.js';
import type { IndexerChainConfig, IndexerConfig } from './config/schema.js';
import { openDatabase, type Sql } from './db/db.js';
import { type IndexedChain, type SyncResult, syncChain } from './ingest.js';
import { createBackup, restoreBackup } from './ops/backup.js';
import { replayChains, verifyChain } from './ops/verify.js';

export type ChainStatus = {
  chainId: number;
  name: string;
  /** The last block indexed (null: none yet). */
  cursorBlock: number | null;
  /** The head seen by the last pass (null: not reached yet). */
  head: number | null;
  /** head - cursor (null until both are known). */
  lag: number | null;
  events: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Consecutive failed passes (the backoff grows with them). */
  failures: number;
  lastReorg: { from: number; to: number; at: string } | null;
};

export type IndexerStatus = { service: string; database: Sql['kind']; chains: ChainStatus[] };

export type RunningIndexer = {
  url: string;
  sql: Sql;
  /** The bearer token of /admin/* (INDEXER_ADMIN_TOKEN, or random; also in the ready file). */
  adminToken: string;
  chains: readonly IndexedChain[];
  /** One pass on every chain now (after any pass in progress); rejects if a chain failed. */
  syncOnce(): Promise<SyncResult[]>;
  status(): Promise<IndexerStatus>;
  /** Runs `fn` with every chain's loop held (no pass in progress or starting until it ends). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Stops the loops (a pass in progress stops after its current chunk), the server and the database. */
  stop(): Promise<void>;
};

const MAX_BACKOFF_MS = 60_000;
const MAX_EVENTS = 1_000;

/** A chain of the config as `syncChain` takes it (a viem public client on its RPC URL). */
export function indexedChainOf(c: IndexerChainConfig): IndexedChain {
  const name = c.name ?? `chain-${c.chainId}`;
  const client = createPublicClient({
    chain: defineChain({
      id: c.chainId,
      name,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [c.rpcUrl] } },
    }),
    // The loop retries with backoff: one quick retry here, and no request hangs a pass for long.
    transport: http(c.rpcUrl, { retryCount: 1, retryDelay: 100, timeout: 10_000 }),
    cacheTime: 0,
  }) as PublicClient;
  return {
    chainId: c.chainId,
    name,
    client,
    contracts: c.contracts,
    fromBlock: c.fromBlock,
    confirmations: c.confirmations,
    logRange: c.logRange,
  };
}

/** Every chain of the config (what `pil db verify|replay` use without a running indexer). */
export function indexedChains(config: IndexerConfig): IndexedChain[] {
  return config.chains.map(indexedChainOf);
}

type ChainState = {
  chain: IndexedChain;
  head: bigint | null;
  lastError: string | null;
  failures: number;
  lastSyncAt: number | null;
  lastReorg: { from: bigint; to: bigint; at: number } | null;
  chainIdChecked: boolean;
  /** Released when the pass (or admin operation) holding the chain ends: they never overlap. */
  queue: Promise<void>;
  wake: (() => void) | null;
};

const json = (_: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);
const firstLine = (err: unknown) =>
  ((err as { shortMessage?: string }).shortMessage ?? (err as Error)?.message ?? String(err)).split('\n')[0]!;

class AdminInputError extends Error {
  override name = 'AdminInputError';
}

function text(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || !v) throw new AdminInputError(`${key}: expected a string`);
  return v;
}

/** The request's JSON object body (at most 64 KiB). */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 65_536) throw new AdminInputError('request body over 64 KiB');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8').trim();
  let body: unknown;
  try {
    body = raw ? JSON.parse(raw) : {};
  } catch {
    throw new AdminInputError('request body: expected JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new AdminInputError('request body: expected a JSON object');
  return body as Record<string, unknown>;
}

export async function startIndexer(
  config: IndexerConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningIndexer> {
  const logger = pino({ level: config.logLevel, base: { service: config.name } }, pino.destination(2));
  const dbOptions = databaseOptions(config, env);
  let sql: Sql;
  try {
    if (dbOptions.dataDir) mkdirSync(dbOptions.dataDir, { recursive: true });
    sql = await openDatabase(dbOptions);
  } catch (err) {
    const where = dbOptions.url
      ? 'the PostgreSQL database of DATABASE_URL'
      : `the PGlite database ${dbOptions.dataDir}`;
    throw new Error(`Cannot open ${where}: ${redact(firstLine(err), env)}`);
  }

  const states: ChainState[] = config.chains.map((c) => ({
    chain: indexedChainOf(c),
    head: null,
    lastError: null,
    failures: 0,
    lastSyncAt: null,
    lastReorg: null,
    chainIdChecked: false,
    queue: Promise.resolve(),
    wake: null,
  }));
  const abort = new AbortController();
  let stopped = false;

  /** Runs `fn` once the chain is free, holding it meanwhile. */
  const hold = async <T>(s: ChainState, fn: () => Promise<T>): Promise<T> => {
    const before = s.queue;
    let release!: () => void;
    s.queue = new Promise<void>((r) => {
      release = r;
    });
    await before;
    try {
      return await fn();
    } finally {
      release();
    }
  };
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> =>
    states.reduceRight<() => Promise<T>>((inner, s) => () => hold(s, inner), fn)();

  const pass = (s: ChainState): Promise<SyncResult> => hold(s, () => passNow(s));
  const passNow = async (s: ChainState): Promise<SyncResult> => {
    try {
      if (stopped) throw new Error('the indexer is stopped');
      const { chain } = s;
      if (!s.chainIdChecked) {
        const served = await chain.client.getChainId();
        if (served !== chain.chainId)
          throw new Error(`the RPC URL of chain ${chain.chainId} serves chain ${served}: not indexed`);
        s.chainIdChecked = true;
      }
      const result = await syncChain(sql, chain, {
        signal: abort.signal,
        onProgress: (p) => {
          s.head = p.head;
        },
      });
      if (s.failures > 0) logger.info({ chain: chain.chainId, after: s.failures }, 'chain reachable again');
      s.lastError = null;
      s.failures = 0;
      s.lastSyncAt = Date.now();
      if (result.reorg) {
        s.lastReorg = { ...result.reorg, at: Date.now() };
        logger.warn({ chain: chain.chainId, ...result.reorg }, 'reorg: blocks rewound and indexed again');
      }
      if (result.to >= result.from)
        logger.debug({ chain: chain.chainId, from: result.from, to: result.to, events: result.events }, 'indexed');
      const target = s.head === null ? null : s.head - BigInt(chain.confirmations);
      if (!abort.signal.aborted && target !== null && result.to < target)
        logger.warn({ chain: chain.chainId, at: result.to, target }, 'the chain changed during the read; next pass');
      return result;
    } catch (err) {
      if (!stopped) {
        s.lastError = redact(firstLine(err), env);
        s.failures += 1;
        logger.warn({ chain: s.chain.chainId, failures: s.failures, error: s.lastError }, 'pass failed; retrying');
      }
      throw new Error(`chain ${s.chain.chainId}: ${redact(firstLine(err), env)}`);
    }
  };

  const sleep = (s: ChainState, ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        s.wake = null;
        resolve();
      }
      s.wake = done;
    });

  const loop = async (s: ChainState) => {
    while (!stopped) {
      await pass(s).catch(() => undefined);
      if (stopped) break;
      const delay =
        s.failures === 0
          ? config.pollIntervalMs
          : Math.min(
              config.pollIntervalMs * 2 ** Math.min(s.failures, 20),
              Math.max(MAX_BACKOFF_MS, config.pollIntervalMs),
            );
      await sleep(s, delay);
    }
  };

  const status = async (): Promise<IndexerStatus> => {
    const cursors = await sql.query<{ chain_id: number; cursor_block: number | null }>(
      'SELECT chain_id, cursor_block FROM chains',
    );
    const counts = await sql.query<{ chain_id: number; n: number }>(
      'SELECT chain_id, COUNT(*)::integer AS n FROM events GROUP BY chain_id',
    );
    return {
      service: config.name,
      database: sql.kind,
      chains: states.map((s) => {
        const id = s.chain.chainId;
        const c = cursors.find((r) => Number(r.chain_id) === id)?.cursor_block;
        const cursor = c === null || c === undefined ? null : Number(c);
        const head = s.head === null ? null : Number(s.head);
        return {
          chainId: id,
          name: s.chain.name,
          cursorBlock: cursor,
          head,
          lag: head === null ? null : head - (cursor ?? Number(s.chain.fromBlock) - 1),
          events: Number(counts.find((r) => Number(r.chain_id) === id)?.n ?? 0),
          lastSyncAt: s.lastSyncAt === null ? null : new Date(s.lastSyncAt).toISOString(),
          lastError: s.lastError,
          failures: s.failures,
          lastReorg: s.lastReorg
            ? {
                from: Number(s.lastReorg.from),
                to: Number(s.lastReorg.to),
                at: new Date(s.lastReorg.at).toISOString(),
              }
            : null,
        };
      }),
    };
  };

  const listEvents = async (query: URLSearchParams) => {
    const where: string[] = [];
    const params: unknown[] = [];
    const chain = query.get('chain');
    if (chain !== null) {
      if (!/^\d{1,15}$/.test(chain)) return { error: 'chain: expected a chain id' };
      params.push(Number(chain));
      where.push(`chain_id = $${params.length}`);
    }
    for (const [key, column] of [
      ['event', 'event_name'],
      ['contract', 'contract'],
    ] as const) {
      const v = query.get(key);
      if (v === null) continue;
      if (!v || v.length > 200) return { error: `${key}: expected a name` };
      params.push(v);
      where.push(`${column} = $${params.length}`);
    }
    const limitText = query.get('limit') ?? '100';
    const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_EVENTS)) return { error: `limit: expected 1 to ${MAX_EVENTS}` };
    params.push(limit);
    const rows = await sql.query<Record<string, unknown>>(
      `SELECT chain_id, block_number, log_index, block_hash, tx_hash, address, contract, event_name, args
         FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY block_number DESC, log_index DESC, chain_id DESC LIMIT $${params.length}`,
      params,
    );
    return {
      events: rows.map((r) => ({
        chainId: Number(r.chain_id),
        blockNumber: Number(r.block_number),
        logIndex: Number(r.log_index),
        blockHash: r.block_hash,
        txHash: r.tx_hash,
        address: r.address,
        contract: r.contract,
        event: r.event_name,
        args: typeof r.args === 'string' ? JSON.parse(r.args) : r.args,
      })),
    };
  };

  // Admin operations (pil db): the bearer token, then the operation from src/ops.
  const adminToken = env.INDEXER_ADMIN_TOKEN?.trim() || randomBytes(24).toString('hex');
  const chains = states.map((s) => s.chain);
  const authorized = (req: IncomingMessage) => {
    const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
    const want = Buffer.from(adminToken);
    return given.length === want.length && timingSafeEqual(given, want);
  };
  const adminOps: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    backup: (body) => createBackup(sql, text(body, 'backupsDir')),
    restore: (body) => exclusive(() => restoreBackup(sql, text(body, 'backupsDir'), text(body, 'id'))),
    verify: async () => ({ chains: await Promise.all(chains.map((c) => verifyChain(sql, c))) }),
    replay: async (body) => {
      const from = text(body, 'fromBlock');
      if (!/^\d{1,20}$/.test(from)) throw new AdminInputError('fromBlock: expected a block number');
      const chainId = body.chainId;
      if (chainId !== undefined && !chains.some((c) => c.chainId === chainId))
        throw new AdminInputError(`The indexer does not index chain ${String(chainId).slice(0, 20)}`);
      for (const c of chains.filter((c) => chainId === undefined || c.chainId === chainId))
        if (BigInt(from) < c.fromBlock)
          throw new AdminInputError(
            `Block ${from} is before the deployment block ${c.fromBlock} of chain ${c.chainId}`,
          );
      return {
        chains: await exclusive(() => replayChains(sql, chains, BigInt(from), chainId as number | undefined)),
      };
    },
  };

  const server: Server = createServer(async (req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body, json));
    };
    const url = new URL(req.url ?? '/', 'http://indexer');
    try {
      if (url.pathname.startsWith('/admin/')) {
        if (req.method !== 'POST') return send(405, { error: 'POST only' });
        if (!authorized(req)) return send(401, { error: 'admin token required (Authorization: Bearer <token>)' });
        const op = adminOps[url.pathname.slice('/admin/'.length)];
        if (!op) return send(404, { error: 'not found', operations: Object.keys(adminOps) });
        if (stopped) return send(503, { error: 'the indexer is stopping' });
        return send(200, await op(await readJson(req)));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { error: 'GET only' });
      if (url.pathname === '/health')
        return send(200, {
          ok: true,
          service: config.name,
          database: sql.kind,
          failing: states.filter((s) => s.lastError !== null).map((s) => s.chain.chainId),
        });
      if (url.pathname === '/status') return send(200, await status());
      if (url.pathname === '/events') {
        const out = await listEvents(url.searchParams);
        return send('error' in out ? 400 : 200, out);
      }
      send(404, { error: 'not found', paths: ['/health', '/status', '/events?chain=&event=&contract=&limit='] });
    } catch (err) {
      const input = err instanceof AdminInputError || (err as Error)?.name === 'BackupError';
      send(input ? 400 : 500, { error: redact(firstLine(err), env) });
    }
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.server.port, config.server.host, resolve);
    });
  } catch (err) {
    await sql.close();
    throw err;
  }
  const addr = server.address() as { port: number };
  const url = `http://${config.server.host}:${addr.port}`;
  if (config.readyFile) {
    mkdirSync(path.dirname(config.readyFile), { recursive: true });
    const tmp = `${config.readyFile}.${process.pid}.tmp`;
    // It holds the admin token: readable by this user only.
    writeFileSync(tmp, JSON.stringify({ pid: process.pid, url, adminToken }), { mode: 0o600 });
    renameSync(tmp, config.readyFile);
  }
  logger.info({ url, database: sql.kind, chains: config.chains.map((c) => c.chainId) }, 'indexer started');
  const loops = states.map((s) => loop(s));

  let stopping: Promise<void> | undefined;
  return {
    url,
    sql,
    adminToken,
    chains,
    async syncOnce() {
      const settled = await Promise.allSettled(states.map((s) => pass(s)));
      const failed = settled.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
      if (failed.length) throw new Error(`Sync failed: ${failed.join('; ')}`);
      return settled.map((r) => (r as PromiseFulfilledResult<SyncResult>).value);
    },
    status,
    exclusive,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        // Nobody may find a stopped indexer through its ready file (pil db would ask it).
        if (config.readyFile) rmSync(config.readyFile, { force: true });
        abort.abort();
        for (const s of states) s.wake?.();
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
        await Promise.all(loops);
        await Promise.all(states.map((s) => s.queue));
        await sql.close();
        logger.info('indexer stopped');
        logger.flush();
      })();
      return stopping;
    },
  };
}

/** Process entry: config from `--config <file>` or INDEXER_CONFIG; stops on SIGINT/SIGTERM. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const i = argv.indexOf('--config');
  const indexer = await startIndexer(loadConfig(i >= 0 ? argv[i + 1] : process.env.INDEXER_CONFIG));
  const stop = () => {
    indexer.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (process.env.INDEXER_EXIT_WITH_STDIN === '1') process.stdin.on('end', stop).resume();
}
