// Ingestion against a real devnet (two anvil chains, everything deployed): a full sync stores
// exactly the logs eth_getLogs returns for the watched contracts, decoded; a pass without new
// blocks writes nothing; new events are indexed incrementally; a failed write leaves nothing;
// a reorg (anvil_reorg), before a pass or in the middle of one, leaves nothing of a vanished
// block; `confirmations` keeps the last blocks out.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type Address,
  createPublicClient,
  createTestClient,
  custom,
  encodeAbiParameters,
  encodeEventTopics,
  encodeFunctionData,
  type Hex,
  http,
  type Log,
  type PublicClient,
} from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRoleHolder, type E2eChain, type E2eDevnet, startE2eDevnet } from '../../../e2e/helpers/devnet.js';
import { pause } from '../../../packages/sdk/src/actions/orchestrator/pause.js';
import { unpause } from '../../../packages/sdk/src/actions/orchestrator/unpause.js';
import { parseConfig } from './config/load.js';
import { openDatabase, type Sql } from './db/db.js';
import { devnetIndexerConfig } from './devnet.js';
import { decodeLog, type IndexedChain, rewindTo, syncChain } from './ingest.js';
import { crossChainProofHubAbi, safeContractAbis, timelockFullAbi } from './sdk.js';
import { indexedChainOf } from './service.js';

type Row = { block_number: number; log_index: number; tx_hash: string; block_hash: string; event_name: string };

describe('decodeLog', () => {
  it('decodes our events, governance events and unknown logs (bigints as decimal strings)', () => {
    const hub = '0x9A676e781A523b5d0C0e43731313A708CB607508' as Address;
    const safe = '0x6CaB8760ff659bd2d2DCfcBbD404241e2a701E4B' as Address;
    const contracts = { [hub]: 'proofHub', [safe]: 'safe' };
    const log = (address: Address, topics: Hex[], data: Hex) => ({ address, topics, data }) as unknown as Log;

    const funded = log(
      hub,
      encodeEventTopics({ abi: crossChainProofHubAbi, eventName: 'FeePoolFunded', args: { from: safe } }) as Hex[],
      encodeAbiParameters([{ type: 'uint256' }], [12345678901234567890123n]),
    );
    expect(decodeLog(funded, contracts)).toEqual({
      contract: 'proofHub',
      eventName: 'FeePoolFunded',
      args: { from: safe, amount: '12345678901234567890123' },
    });

    const txHash: Hex = `0x${'ab'.repeat(32)}`;
    const success = log(
      safe.toLowerCase() as Address,
      encodeEventTopics({
        abi: safeContractAbis().safe,
        eventName: 'ExecutionSuccess' as never,
        args: { txHash } as never,
      }) as Hex[],
      encodeAbiParameters([{ type: 'uint256' }], [7n]),
    );
    expect(decodeLog(success, contracts)).toEqual({
      contract: 'safe',
      eventName: 'ExecutionSuccess',
      args: { txHash, payment: '7' },
    });

    const delay = log(
      hub,
      encodeEventTopics({ abi: timelockFullAbi(), eventName: 'MinDelayChange' as never }) as Hex[],
      encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [172_800n, 21_600n]),
    );
    expect(decodeLog(delay, contracts)).toMatchObject({
      eventName: 'MinDelayChange',
      args: { oldDuration: '172800', newDuration: '21600' },
    });

    const strange = log(hub, [`0x${'12'.repeat(32)}`], '0x01');
    expect(decodeLog(strange, contracts)).toEqual({
      contract: 'proofHub',
      eventName: 'unknown',
      args: { topics: [`0x${'12'.repeat(32)}`], data: '0x01' },
    });
    // A known selector whose data does not fit its definition is not forced into it.
    expect(decodeLog({ ...funded, data: '0x01' } as Log, contracts).eventName).toBe('unknown');
  });
});

describe('ingestion', () => {
  let devnet: E2eDevnet;
  let sql: Sql;
  let A: IndexedChain;
  let B: IndexedChain;
  const dirs = mkdtempSync(path.join(tmpdir(), 'pil-idx-ingest-'));
  const open: Sql[] = [];
  const newDb = async (name: string) => {
    const db = await openDatabase({ dataDir: path.join(dirs, name) });
    open.push(db);
    return db;
  };

  /** The indexed chains exactly as the devnet indexer sees them (deployments files -> config). */
  const chainsOf = (d: E2eDevnet): IndexedChain[] => {
    const dir = path.join(d.deploymentsDir, 'devnet');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    return parseConfig(devnetIndexerConfig(files, dirs))
      .chains.sort((a, b) => a.chainId - b.chainId)
      .map(indexedChainOf);
  };
  const e2e = (chain: IndexedChain): E2eChain => devnet.chains.find((c) => c.chainId === chain.chainId)!;
  const testClient = (chain: IndexedChain) => createTestClient({ mode: 'anvil', transport: http(e2e(chain).rpcUrl) });

  const onChain = async (chain: IndexedChain, to?: bigint) => {
    const head = to ?? (await chain.client.getBlockNumber({ cacheTime: 0 }));
    const logs = await chain.client.getLogs({
      address: Object.keys(chain.contracts) as Address[],
      fromBlock: chain.fromBlock,
      toBlock: head,
    });
    return { head, logs, keys: logs.map((l) => `${l.blockNumber}:${l.logIndex}:${l.transactionHash}`).sort() };
  };
  const stored = async (db: Sql, chain: IndexedChain) => {
    const rows = await db.query<Row>(
      'SELECT block_number, log_index, tx_hash, block_hash, event_name FROM events WHERE chain_id = $1 ORDER BY block_number, log_index',
      [chain.chainId],
    );
    return { rows, keys: rows.map((r) => `${r.block_number}:${r.log_index}:${r.tx_hash}`).sort() };
  };
  const cursorOf = async (db: Sql, chain: IndexedChain) =>
    (
      await db.query<{ cursor_block: number | null; cursor_hash: string | null }>(
        'SELECT cursor_block, cursor_hash FROM chains WHERE chain_id = $1',
        [chain.chainId],
      )
    )[0];
  /** Every stored event and block is the chain's (same hash at its height). */
  const expectAllCanonical = async (db: Sql, chain: IndexedChain) => {
    const blocks = await db.query<{ number: number; hash: string }>(
      `SELECT number, hash FROM blocks WHERE chain_id = $1
       UNION SELECT block_number AS number, block_hash AS hash FROM events WHERE chain_id = $1`,
      [chain.chainId],
    );
    for (const b of blocks) {
      const live = await chain.client.getBlock({ blockNumber: BigInt(b.number) }).catch(() => undefined);
      expect(live?.hash, `block ${b.number}`).toBe(b.hash);
    }
  };
  const fund = async (chain: IndexedChain, value: bigint) => (await e2e(chain).pil.fundFeePool({ value })).receipt;

  beforeAll(async () => {
    devnet = await startE2eDevnet();
    [A, B] = chainsOf(devnet) as [IndexedChain, IndexedChain];
    sql = await newDb('main');
  }, 180_000);
  afterAll(async () => {
    for (const db of open) await db.close();
    await devnet?.stop();
  });

  it('a full sync indexes exactly the logs eth_getLogs returns for the watched contracts, decoded', async () => {
    const chain = await onChain(A);
    const result = await syncChain(sql, A);
    expect(result).toEqual({ from: A.fromBlock, to: chain.head, events: chain.logs.length });
    const db = await stored(sql, A);
    expect(db.keys).toEqual(chain.keys);
    expect(chain.logs.length).toBeGreaterThan(50); // deployment alone: roles, policies, relayers, ...
    const names = new Set(db.rows.map((r) => r.event_name));
    for (const name of ['RoleGranted', 'RoleRevoked', 'PolicyRegistered', 'Initialized', 'Upgraded', 'RelayerAdded'])
      expect(names, name).toContain(name);
    expect(names).not.toContain('unknown');
    // The governance contracts are watched and decoded too.
    const labels = await sql.query<{ contract: string }>('SELECT DISTINCT contract FROM events WHERE chain_id = $1', [
      A.chainId,
    ]);
    expect(labels.map((l) => l.contract)).toEqual(expect.arrayContaining(['pbp', 'proofHub', 'standardTimelock']));
    const [granted] = await sql.query<{ args: Record<string, unknown>; address: string }>(
      `SELECT args, address FROM events WHERE chain_id = $1 AND event_name = 'RoleGranted' LIMIT 1`,
      [A.chainId],
    );
    expect(granted!.args).toEqual({
      role: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      account: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
      sender: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
    });
    expect(Object.keys(A.contracts)).toContain(granted!.address); // checksummed, as in the config
    const cursor = await cursorOf(sql, A);
    expect(cursor).toEqual({
      cursor_block: Number(chain.head),
      cursor_hash: (await A.client.getBlock({ blockNumber: chain.head })).hash,
    });
    await expectAllCanonical(sql, A);
  });

  it('several logRange chunks give the same rows as one (chain B, 7 blocks a chunk)', async () => {
    const chain = await onChain(B);
    const result = await syncChain(sql, { ...B, logRange: 7 });
    expect(result).toEqual({ from: B.fromBlock, to: chain.head, events: chain.logs.length });
    expect((await stored(sql, B)).keys).toEqual(chain.keys);
    const ends = await sql.query<{ number: number }>('SELECT number FROM blocks WHERE chain_id = $1', [B.chainId]);
    // Each chunk's last block is stored (the cursor's trail), with the blocks holding events.
    for (let end = B.fromBlock + 6n; end < chain.head; end += 7n)
      expect(ends.map((b) => b.number)).toContain(Number(end));
    await expectAllCanonical(sql, B);
  });

  it('a second pass with no new blocks writes nothing', async () => {
    const snapshot = async () => ({
      chains: await sql.query('SELECT * FROM chains ORDER BY chain_id'),
      blocks: await sql.query('SELECT * FROM blocks ORDER BY chain_id, number'),
      events: await sql.query('SELECT * FROM events ORDER BY chain_id, block_number, log_index'),
    });
    const before = await snapshot();
    const head = await A.client.getBlockNumber({ cacheTime: 0 });
    expect(await syncChain(sql, A)).toEqual({ from: head + 1n, to: head, events: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('new events after a pause are indexed incrementally', async () => {
    const cursor = BigInt((await cursorOf(sql, A))!.cursor_block!);
    const { receipt } = await pause(await asRoleHolder(e2e(A), 'orchestrator', 'GUARDIAN_ROLE'));
    const result = await syncChain(sql, A);
    expect(result).toEqual({ from: cursor + 1n, to: receipt.blockNumber, events: receipt.logs.length });
    const fresh = (await stored(sql, A)).rows.filter((r) => BigInt(r.block_number) > cursor);
    expect(fresh.map((r) => r.event_name)).toEqual([
      'ChainPaused',
      ...Array(receipt.logs.length - 1).fill('PauseSynced'),
    ]);
    expect(fresh.every((r) => r.tx_hash === receipt.transactionHash)).toBe(true);

    const { receipt: again } = await unpause(await asRoleHolder(e2e(A), 'orchestrator', 'UNPAUSER_ROLE'));
    expect((await syncChain(sql, A)).events).toBe(again.logs.length);
    expect((await stored(sql, A)).keys).toEqual((await onChain(A)).keys);
  });

  it('a chunk whose write fails leaves nothing of it; the next pass writes it', async () => {
    const before = { cursor: await cursorOf(sql, A), events: (await stored(sql, A)).keys };
    await fund(A, 1n);
    // The same database, with the events INSERT failing inside the chunk's transaction.
    const failing = (inner: Sql): Sql => ({
      kind: inner.kind,
      query: (text, params) => {
        if (text.startsWith('INSERT INTO events')) throw new Error('disk full');
        return inner.query(text, params);
      },
      transaction: (fn) => inner.transaction((tx) => fn(failing(tx))),
      close: () => inner.close(),
    });
    await expect(syncChain(failing(sql), A)).rejects.toThrow('disk full');
    expect(await cursorOf(sql, A)).toEqual(before.cursor);
    expect((await stored(sql, A)).keys).toEqual(before.events);
    expect((await syncChain(sql, A)).events).toBe(1);
    expect((await stored(sql, A)).keys).toEqual((await onChain(A)).keys);
  });

  it('a reorg of blocks that held indexed events rewinds them and indexes the new fork', async () => {
    const r1 = await fund(A, 1n);
    const r2 = await fund(A, 2n);
    await syncChain(sql, A);
    const indexed = (await stored(sql, A)).rows;
    expect(indexed.some((r) => r.tx_hash === r1.transactionHash)).toBe(true);
    expect(indexed.some((r) => r.tx_hash === r2.transactionHash)).toBe(true);
    const head = r2.blockNumber;

    // The last 3 blocks replaced; the new fork has another FeePoolFunded, one block higher up.
    const data = encodeFunctionData({ abi: crossChainProofHubAbi, functionName: 'fundFeePool' });
    const tx = { from: devnet.user.address, to: e2e(A).deployment.addresses.proofHub, data, value: '0x5' };
    await testClient(A).request({ method: 'anvil_reorg', params: [3, [[tx, 1]]] } as never);
    expect(await A.client.getBlockNumber({ cacheTime: 0 })).toBe(head);

    const result = await syncChain(sql, A);
    expect(result.reorg).toEqual({ from: head - 2n, to: head });
    expect(result).toMatchObject({ from: head - 2n, to: head, events: 1 });
    const after = await stored(sql, A);
    expect(after.keys).toEqual((await onChain(A)).keys);
    expect(after.rows.some((r) => r.tx_hash === r1.transactionHash || r.tx_hash === r2.transactionHash)).toBe(false);
    const [funded] = await sql.query<{ args: Record<string, string>; block_number: number }>(
      `SELECT args, block_number FROM events WHERE chain_id = $1 AND event_name = 'FeePoolFunded'
       ORDER BY block_number DESC LIMIT 1`,
      [A.chainId],
    );
    expect(Object.values(funded!.args)).toContain('5');
    expect(BigInt(funded!.block_number)).toBe(head - 1n);
    await expectAllCanonical(sql, A);
    expect((await cursorOf(sql, A))!.cursor_hash).toBe((await A.client.getBlock({ blockNumber: head })).hash);
  });

  it('a reorg during the read writes nothing; the next pass indexes the new fork', async () => {
    const cursor = await cursorOf(sql, A);
    const lost = await fund(A, 3n);
    // The same RPC, with the chain's last block replaced right after the first eth_getLogs.
    const plain = createPublicClient({ transport: http(e2e(A).rpcUrl) });
    let armed = true;
    const racing = createPublicClient({
      cacheTime: 0,
      transport: custom({
        async request({ method, params }) {
          const result = await plain.request({ method, params } as never);
          if (method === 'eth_getLogs' && armed) {
            armed = false;
            await testClient(A).request({ method: 'anvil_reorg', params: [1, []] } as never);
          }
          return result;
        },
      }),
    }) as PublicClient;
    const result = await syncChain(sql, { ...A, client: racing });
    expect(armed).toBe(false);
    expect(result).toMatchObject({ events: 0, to: BigInt(cursor!.cursor_block!) });
    expect(await cursorOf(sql, A)).toEqual(cursor);

    expect((await syncChain(sql, A)).events).toBe(0); // the new block is empty
    const after = await stored(sql, A);
    expect(after.rows.some((r) => r.tx_hash === lost.transactionHash)).toBe(false);
    expect(after.keys).toEqual((await onChain(A)).keys);
    await expectAllCanonical(sql, A);
  });

  it('confirmations: 2 leaves the last 2 blocks unindexed until they are 2 deep', async () => {
    const db = await newDb('confirmations');
    const chain = { ...B, confirmations: 2 };
    const r1 = await fund(B, 1n);
    const r2 = await fund(B, 2n);
    const head = r2.blockNumber;
    expect(r1.blockNumber).toBe(head - 1n);
    const result = await syncChain(db, chain);
    expect(result.to).toBe(head - 2n);
    expect((await cursorOf(db, chain))!.cursor_block).toBe(Number(head - 2n));
    const rows = (await stored(db, chain)).rows;
    expect(rows.some((r) => BigInt(r.block_number) > head - 2n)).toBe(false);
    expect((await stored(db, chain)).keys).toEqual((await onChain(chain, head - 2n)).keys);

    await testClient(B).mine({ blocks: 2 });
    expect(await syncChain(db, chain)).toEqual({ from: head - 1n, to: head, events: 2 });
    expect((await stored(db, chain)).keys).toEqual((await onChain(chain, head)).keys);
  });

  it('rewindTo deletes what is above the block and moves the cursor back, never forward', async () => {
    const db = await newDb('rewind');
    await syncChain(db, A);
    const { head, keys } = await onChain(A);
    const mid = A.fromBlock + 20n;
    await rewindTo(db, A, mid);
    const cursor = await cursorOf(db, A);
    expect(cursor).toEqual({
      cursor_block: Number(mid),
      cursor_hash: (await A.client.getBlock({ blockNumber: mid })).hash,
    });
    const left = await db.query<{ n: number }>(
      'SELECT COUNT(*)::integer AS n FROM events WHERE chain_id = $1 AND block_number > $2',
      [A.chainId, Number(mid)],
    );
    expect(left[0]!.n).toBe(0);
    expect((await stored(db, A)).keys).toEqual(keys.filter((k) => BigInt(k.split(':')[0]!) <= mid));

    await rewindTo(db, A, head); // above the cursor: nothing moves
    expect(await cursorOf(db, A)).toEqual(cursor);
    expect(await syncChain(db, A)).toMatchObject({ from: mid + 1n, to: head });
    expect((await stored(db, A)).keys).toEqual(keys);

    await rewindTo(db, A, A.fromBlock - 1n); // everything
    expect((await stored(db, A)).keys).toEqual([]);
    expect((await cursorOf(db, A))!.cursor_block).toBe(Number(A.fromBlock - 1n));
    expect((await syncChain(db, A)).events).toBe(keys.length);
  });
});
