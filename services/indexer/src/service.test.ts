// The indexer service on a real devnet, in process: /health, /status and /events of a synced
// devnet; the admin endpoints behind their token; a stop in the middle of a pass and a new
// start on the same data folder resume from the cursor (no duplicate, no gap); a chain whose
// RPC is unreachable is reported in /status while the other keeps indexing; DATABASE_URL is
// never echoed. The process itself (bin/pil-indexer.mjs) starts, answers and exits with stdin.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eDevnet, startE2eDevnet } from '../../../e2e/helpers/devnet.js';
import { IndexerConfigError, parseConfig, redact } from './config/load.js';
import type { IndexerConfigInput } from './config/schema.js';
import { devnetIndexerConfig } from './devnet.js';
import { type IndexerStatus, indexedChains, type RunningIndexer, startIndexer } from './service.js';

const SECRET = 'Sup3r-S3cret-Pa55';
const DATABASE_URL = `postgresql://pil:${SECRET}@127.0.0.1:9/pil_indexer`;

const get = async <T = unknown>(url: string): Promise<{ status: number; body: T; text: string }> => {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as T, text };
};
const until = async <T>(what: string, fn: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
type EventJson = {
  chainId: number;
  blockNumber: number;
  logIndex: number;
  txHash: string;
  event: string;
  contract: string;
  args: Record<string, unknown>;
};

describe('indexer service', () => {
  let devnet: E2eDevnet;
  const root = mkdtempSync(path.join(tmpdir(), 'pil-idx-service-'));
  const running: RunningIndexer[] = [];
  let n = 0;
  /** An indexer in process, on its own folder under `root` (`home`, or a new one). */
  const start = async (
    patch: (c: IndexerConfigInput) => IndexerConfigInput,
    env: NodeJS.ProcessEnv = {},
    home = `run-${++n}`,
  ) => {
    const indexer = await startIndexer(parseConfig(patch(baseConfig(home))), env);
    running.push(indexer);
    return indexer;
  };
  const baseConfig = (home: string): IndexerConfigInput => {
    const dir = path.join(devnet.deploymentsDir, 'devnet');
    const files = readdirSync(dir).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    return {
      ...devnetIndexerConfig(files, path.join(root, home)),
      pollIntervalMs: 3_600_000, // passes are driven by syncOnce() unless a test says otherwise
      logLevel: 'silent',
    };
  };
  const chainKeys = async (indexer: RunningIndexer, chainId: number) => {
    const chain = indexer.chains.find((c) => c.chainId === chainId)!;
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    const logs = await chain.client.getLogs({
      address: Object.keys(chain.contracts) as Address[],
      fromBlock: chain.fromBlock,
      toBlock: head,
    });
    return { head, keys: logs.map((l) => `${l.blockNumber}:${l.logIndex}:${l.transactionHash}`).sort() };
  };
  const dbKeys = async (indexer: RunningIndexer, chainId: number) => {
    const rows = await indexer.sql.query<{ block_number: number; log_index: number; tx_hash: string }>(
      'SELECT block_number, log_index, tx_hash FROM events WHERE chain_id = $1',
      [chainId],
    );
    return rows.map((r) => `${r.block_number}:${r.log_index}:${r.tx_hash}`).sort();
  };

  beforeAll(async () => {
    devnet = await startE2eDevnet();
  }, 180_000);
  afterAll(async () => {
    for (const r of running) await r.stop();
    await devnet?.stop();
  });

  it('serves /health, /status and /events of a synced devnet, and writes its ready file', async () => {
    const indexer = await start((c) => c);
    const results = await indexer.syncOnce();
    const [A, B] = devnet.chains;
    const readyFile = path.join(root, `run-${n}`, 'ready.json');
    expect(JSON.parse(readFileSync(readyFile, 'utf8'))).toEqual({
      pid: process.pid,
      url: indexer.url,
      adminToken: indexer.adminToken,
    });
    expect(statSync(readyFile).mode & 0o077).toBe(0); // it holds the admin token

    expect((await get(`${indexer.url}/health`)).body).toEqual({
      ok: true,
      service: 'devnet-indexer',
      database: 'pglite',
      failing: [],
    });
    const status = (await get<IndexerStatus>(`${indexer.url}/status`)).body;
    for (const c of [A, B]) {
      const chain = await chainKeys(indexer, c.chainId);
      const s = status.chains.find((x) => x.chainId === c.chainId)!;
      expect(s).toMatchObject({
        name: `devnet-${c.chainId}`,
        cursorBlock: Number(chain.head),
        head: Number(chain.head),
        lag: 0,
        events: chain.keys.length,
        lastError: null,
        failures: 0,
        lastReorg: null,
      });
      expect(results.map((r) => r.to)).toContain(chain.head); // after the start's own pass: up to the head
    }

    const granted = await get<{ events: EventJson[] }>(
      `${indexer.url}/events?chain=${A.chainId}&event=RoleGranted&limit=3`,
    );
    expect(granted.status).toBe(200);
    expect(granted.body.events).toHaveLength(3);
    for (const e of granted.body.events) expect(e).toMatchObject({ chainId: A.chainId, event: 'RoleGranted' });
    const order = granted.body.events.map((e) => [e.blockNumber, e.logIndex]);
    expect(order).toEqual([...order].sort((x, y) => y[0]! - x[0]! || y[1]! - x[1]!)); // newest first

    const all = (await get<{ events: EventJson[] }>(`${indexer.url}/events?chain=${A.chainId}&limit=1000`)).body.events;
    expect(all.map((e) => `${e.blockNumber}:${e.logIndex}:${e.txHash}`).sort()).toEqual(
      await dbKeys(indexer, A.chainId),
    );
    const policy = all.find((e) => e.event === 'PolicyRegistered')!;
    expect(policy.contract).toBe('pbp');
    // Every uint of the args is a decimal string (JSON has no bigint).
    expect(Object.values(policy.args).some((v) => typeof v === 'string' && /^\d+$/.test(v))).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/:\s*\d{16,}[,}]/);

    for (const bad of ['limit=0', 'limit=1001', 'limit=x', 'chain=abc'])
      expect((await get(`${indexer.url}/events?${bad}`)).status, bad).toBe(400);
    expect((await get(`${indexer.url}/nope`)).status).toBe(404);
  });

  it('admin endpoints need the token; verify and replay go through the running indexer', async () => {
    const indexer = running[0]!;
    const post = (op: string, body: unknown, token?: string) =>
      fetch(`${indexer.url}/admin/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post('verify', {})).status).toBe(401);
    expect((await post('verify', {}, 'not-the-token')).status).toBe(401);
    const verify = (await (await post('verify', {}, indexer.adminToken)).json()) as { chains: { ok: boolean }[] };
    expect(verify.chains.map((c) => c.ok)).toEqual([true, true]);
    const A = devnet.chains[0];
    const before = await dbKeys(indexer, A.chainId);
    const replay = await post('replay', { fromBlock: '10', chainId: A.chainId }, indexer.adminToken);
    expect(replay.status).toBe(200);
    expect(await dbKeys(indexer, A.chainId)).toEqual(before);
    expect((await post('replay', { fromBlock: '1' }, indexer.adminToken)).status).toBe(400); // below deployment
    expect((await post('replay', { fromBlock: '10', chainId: 5 }, indexer.adminToken)).status).toBe(400);
  });

  it('a stop in the middle of a pass, then a new start on the same data folder: no duplicate, no gap', async () => {
    const home = 'crash';
    // One block a chunk: a pass over the devnet is ~125 transactions, stopped after a few.
    const slow = (c: IndexerConfigInput) => ({ ...c, chains: c.chains.map((x) => ({ ...x, logRange: 1 })) });
    const first = await start(slow, {}, home);
    const A = devnet.chains[0].chainId;
    const fromBlock = Number(first.chains.find((c) => c.chainId === A)!.fromBlock);
    await until('a few chunks', async () => {
      const s = await first.status();
      return (s.chains.find((c) => c.chainId === A)!.cursorBlock ?? 0) >= fromBlock + 5;
    });
    await first.stop(); // not waiting for the pass: it ends after the chunk in progress
    const partial = await openCursor(path.join(root, home, 'db'), A);
    const chain = await chainKeys(first, A);
    expect(partial).toBeGreaterThanOrEqual(fromBlock + 5);
    expect(partial).toBeLessThan(Number(chain.head));

    const second = await start((c) => c, {}, home); // the same data folder, default logRange
    await second.syncOnce(); // after the pass the start began: at the head now
    const keys = await dbKeys(second, A);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(chain.keys);
    // Resumed from the cursor, not from the start: the first run's one-block chunks left every
    // block up to its cursor in the blocks table, and a re-index would have replaced them.
    const trail = await second.sql.query<{ number: number }>(
      'SELECT number FROM blocks WHERE chain_id = $1 AND number <= $2 ORDER BY number',
      [A, partial],
    );
    expect(trail.map((b) => Number(b.number))).toEqual(
      Array.from({ length: partial - fromBlock + 1 }, (_, i) => fromBlock + i),
    );
    expect((await second.status()).chains.find((c) => c.chainId === A)).toMatchObject({
      cursorBlock: Number(chain.head),
      lag: 0,
    });
  });

  it('an unreachable RPC is reported in /status; the other chain keeps indexing', async () => {
    const A = devnet.chains[0];
    const indexer = await start((c) => ({
      ...c,
      pollIntervalMs: 25,
      chains: [
        c.chains.find((x) => x.chainId === A.chainId)!,
        { ...c.chains.find((x) => x.chainId !== A.chainId)!, chainId: 31_339, rpcUrl: 'http://127.0.0.1:9' },
      ],
    }));
    const down = await until('the failing chain in /status', async () => {
      const s = (await get<IndexerStatus>(`${indexer.url}/status`)).body;
      const c = s.chains.find((x) => x.chainId === 31_339)!;
      return c.failures >= 2 && c;
    });
    expect(down).toMatchObject({ cursorBlock: null, head: null, events: 0 });
    expect(down.lastError).toMatch(/HTTP request failed|fetch failed|ECONNREFUSED/);
    expect((await get<{ failing: number[] }>(`${indexer.url}/health`)).body.failing).toEqual([31_339]);

    const { receipt } = await A.pil.fundFeePool({ value: 42n });
    const seen = await until('the new event on the live chain', async () => {
      const r = await get<{ events: EventJson[] }>(
        `${indexer.url}/events?chain=${A.chainId}&event=FeePoolFunded&limit=1`,
      );
      return r.body.events[0]?.txHash === receipt.transactionHash && r.body.events[0];
    });
    expect(seen.args).toMatchObject({ amount: '42' });
    const live = (await indexer.status()).chains.find((c) => c.chainId === A.chainId)!;
    expect(live).toMatchObject({ lastError: null, lag: 0 });

    const t0 = Date.now();
    await indexer.stop(); // prompt, although a loop sleeps in its backoff
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('never echoes DATABASE_URL', async () => {
    const err = (await start((c) => c, { DATABASE_URL }).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/DATABASE_URL/);
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain('pil_indexer');
    expect(redact(`connect to ${DATABASE_URL} as pil:${SECRET} failed`, { DATABASE_URL })).toBe(
      'connect to *** as pil:*** failed',
    );
    expect(redact('nothing secret', {})).toBe('nothing secret');
  });

  // PostgreSQL: only where one is at hand (INDEXER_TEST_DATABASE_URL, a database the test may empty).
  const pgUrl = process.env.INDEXER_TEST_DATABASE_URL;
  it.runIf(pgUrl)('on PostgreSQL (DATABASE_URL): indexes the devnet, and /status never shows the URL', async () => {
    const { openDatabase } = await import('./db/db.js');
    const admin = await openDatabase({ url: pgUrl });
    await admin.query('DELETE FROM events');
    await admin.query('DELETE FROM blocks');
    await admin.query('DELETE FROM chains');
    await admin.close();
    const indexer = await start((c) => ({ ...c, database: {} }), { DATABASE_URL: pgUrl });
    await indexer.syncOnce();
    const A = devnet.chains[0];
    await A.pil.fundFeePool({ value: 7n });
    await indexer.syncOnce();
    expect(await dbKeys(indexer, A.chainId)).toEqual((await chainKeys(indexer, A.chainId)).keys);
    const status = await get<IndexerStatus>(`${indexer.url}/status`);
    expect(status.body.database).toBe('postgres');
    expect(status.body.chains.every((c) => c.lag === 0 && c.lastError === null)).toBe(true);
    const password = new URL(pgUrl!).password;
    for (const p of ['/status', '/health', '/events?limit=1000'])
      expect((await get(`${indexer.url}${p}`)).text).not.toContain(password || pgUrl);
    const [funded] = (await get<{ events: EventJson[] }>(`${indexer.url}/events?event=FeePoolFunded&limit=1`)).body
      .events;
    expect(funded!.args).toMatchObject({ amount: '7' });
  });

  it('config errors name the field', () => {
    const err = (() => {
      try {
        parseConfig({
          chains: [{ chainId: 1, rpcUrl: 'ftp://x', contracts: { '0x1234': 'pc3' }, fromBlock: -1 }],
          database: { dataDir: '' },
        });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(IndexerConfigError);
    expect(err!.message).toMatch(/chains\.0\.rpcUrl: expected an http\(s\) URL/);
    expect(err!.message).toMatch(/chains\.0\.contracts\.0x1234: expected a 20-byte hex address/);
    expect(err!.message).toMatch(/chains\.0\.fromBlock/);
    expect(err!.message).toMatch(/database\.dataDir/);
    const twice = () =>
      parseConfig({
        chains: [1, 1].map((chainId) => ({
          chainId,
          rpcUrl: 'http://127.0.0.1:1',
          contracts: { '0x0000000000000000000000000000000000000001': 'pc3' },
          fromBlock: 0,
        })),
      });
    expect(twice).toThrow(/chains\.1\.chainId: chain 1 is listed twice/);
    expect(indexedChains(parseConfig(baseConfig('x'))).map((c) => c.chainId)).toEqual(
      devnet.chains.map((c) => c.chainId),
    );
  });

  it('bin/pil-indexer.mjs: ready file, /health, and exit when stdin closes', async () => {
    const home = path.join(root, 'bin');
    const configFile = path.join(home, 'config.json');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(home, { recursive: true });
    writeFileSync(configFile, JSON.stringify({ ...baseConfig('bin'), logLevel: 'info' }));
    const bin = fileURLToPath(new URL('../bin/pil-indexer.mjs', import.meta.url));
    const child = spawn(process.execPath, [bin, '--config', configFile], {
      stdio: ['pipe', 'ignore', 'pipe'],
      env: { ...process.env, INDEXER_EXIT_WITH_STDIN: '1', DATABASE_URL: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const readyFile = path.join(home, 'ready.json');
      await until('the ready file', async () => existsSync(readyFile), 30_000);
      const ready = JSON.parse(readFileSync(readyFile, 'utf8')) as { pid: number; url: string };
      expect(ready.pid).toBe(child.pid);
      expect((await get<{ ok: boolean }>(`${ready.url}/health`)).body.ok).toBe(true);
      await until('the first pass', async () => {
        const s = (await get<IndexerStatus>(`${ready.url}/status`)).body;
        return s.chains.every((c) => c.lag === 0);
      });
    } finally {
      child.stdin.end();
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('indexer stopped');
  });
});

/** The cursor stored in a PGlite folder (opened after the indexer that wrote it stopped). */
async function openCursor(dataDir: string, chainId: number): Promise<number> {
  const { openDatabase } = await import('./db/db.js');
  const sql = await openDatabase({ dataDir });
  try {
    const [row] = await sql.query<{ cursor_block: number }>('SELECT cursor_block FROM chains WHERE chain_id = $1', [
      chainId,
    ]);
    return Number(row!.cursor_block);
  } finally {
    await sql.close();
  }
}
