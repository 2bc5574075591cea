// `npm run bench` relayer section (issue 6): real relayer processes between two anvil
// chains, 200 real messages A→B (proofs from services/relayer/fixtures/proofs, made and
// cached on the first run).
//   latency     export-to-import, p50/p95/p99, with automine and with 1 s blocks: from
//               the moment the export's block is first seen on A to the moment the
//               import's block is first seen on B (both polled every 20 ms).
//   throughput  a full queue (exports made while no relayer runs, checkpoint accepted),
//               delivered per second with one and with three relayers in 1 s block mode,
//               against B's capacity: block gas limit / mean gas of the run's imports (an
//               import's gas grows with the popcount of its leaf index). B's block gas
//               limit is lowered to ~12 imports so the queue outlasts several blocks.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createTestClient, type Hex, http, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { devnetRelayerKeys } from '../packages/cli/src/devnet/accounts.js';
import { getOutboxCheckpoint, signCheckpoint, submitCheckpoint } from '../packages/sdk/src/index.js';
import { getPilEvents } from '../services/relayer/src/sdk.js';
import {
  type HarnessChain,
  type RelayerProcess,
  relayerConfigFor,
  relayerProcess,
  startHarness,
} from '../services/relayer/src/testing/harness.js';
import { prepareWorkload, terminateProver } from '../services/relayer/src/testing/workload.js';
import type { Row } from './table.js';

const LATENCY_N = 30; // per block mode
const THROUGHPUT_N = 70; // per relayer count
const IMPORTS_PER_BLOCK = 12;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The transactions of blocks [from, to] with their outcome and gas. */
async function blockTxs(client: PublicClient, from: bigint, to: bigint) {
  const out: { number: bigint; txs: { status: string; gasUsed: bigint }[] }[] = [];
  for (let n = from; n <= to; n++) {
    const block = await client.getBlock({ blockNumber: n });
    const receipts = await Promise.all(block.transactions.map((hash) => client.getTransactionReceipt({ hash })));
    out.push({ number: n, txs: receipts.map((r) => ({ status: r.status, gasUsed: r.gasUsed })) });
  }
  return out;
}

/** First-seen wall time of every block of a chain (polled every 20 ms). */
function blockClock(client: PublicClient) {
  const seen = new Map<bigint, number>();
  let last = -1n;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const n = await client.getBlockNumber({ cacheTime: 0 }).catch(() => last);
      const now = Date.now();
      for (let b = last + 1n; b <= n; b++) if (!seen.has(b)) seen.set(b, now);
      if (n > last) last = n;
      await sleep(20);
    }
  })();
  return {
    at: async (block: bigint) => {
      while (!seen.has(block)) await sleep(5);
      return seen.get(block)!;
    },
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

export async function benchRelayer(): Promise<Row[]> {
  const section = 'relayer';
  const rows: Row[] = [];
  const h = await startHarness({ userIndex: 3 });
  const relayers: RelayerProcess[] = [];
  try {
    const [A, B] = h.chains as [HarnessChain, HarnessChain];
    const tA = createTestClient({ mode: 'anvil', transport: http(A.rpcUrl), chain: A.pil.public.chain });
    const tB = createTestClient({ mode: 'anvil', transport: http(B.rpcUrl), chain: B.pil.public.chain });
    const total = 2 * LATENCY_N + 2 * THROUGHPUT_N;
    process.stderr.write(`bench relayer: preparing ${total} messages (cached proofs; new ones are proven)\n`);
    const work = await prepareWorkload(A.pil, { n: total, dstChainId: B.chainId, seed: 200 });
    await terminateProver();
    let next = 0;
    const clockA = blockClock(A.pil.public as PublicClient);
    const clockB = blockClock(B.pil.public as PublicClient);
    const mk = (i: number, graceMs: number) => {
      const dataDir = path.join(h.dir, `data-${i}-${relayers.length}`);
      mkdirSync(dataDir, { recursive: true });
      const config = relayerConfigFor(h.chains, {
        dataDir,
        name: `bench-${i}`,
        overrides: {
          logLevel: 'warn',
          delivery: { gracePeriodMs: graceMs, backoffBaseMs: 200, backoffMaxMs: 3_000, concurrency: 64 },
        },
        chainOverrides: { pollIntervalMs: 50 },
      });
      const p = relayerProcess(path.join(h.dir, `run-${relayers.length}`), i, config);
      relayers.push(p);
      return p;
    };
    const importOf = async (messageId: Hex) => {
      for (;;) {
        const [e] = await getPilEvents(B.pil, {
          contract: 'proofHub',
          eventName: 'MessageImported',
          args: { messageId },
          fromBlock: 0n,
        });
        if (e) return e;
        await sleep(20);
      }
    };

    // ---------------------------------------------------------------- latency
    let importGas = 0n;
    const three = [mk(0, 5_000), mk(1, 5_000), mk(2, 5_000)];
    await Promise.all(three.map((r) => r.start()));
    for (const mode of ['automine', '1 s blocks'] as const) {
      if (mode === '1 s blocks') {
        for (const t of [tA, tB]) {
          await t.setAutomine(false);
          await t.setIntervalMining({ interval: 1 });
        }
      }
      const latencies: number[] = [];
      const blocks: number[] = [];
      for (let k = 0; k < LATENCY_N; k++) {
        const sent = await work.send(next++);
        const imported = await importOf(sent.messageId);
        const ms = (await clockB.at(imported.blockNumber)) - (await clockA.at(sent.blockNumber));
        latencies.push(ms);
        if (mode === '1 s blocks') blocks.push(ms / 1000);
        if (importGas === 0n) {
          importGas = (await B.pil.public.getTransactionReceipt({ hash: imported.transactionHash })).gasUsed;
        }
      }
      for (const q of [0.5, 0.95, 0.99] as const) {
        rows.push({
          section,
          metric: `export→import latency p${q * 100}, ${mode} (3 relayers, ${LATENCY_N} msgs)`,
          value: `${Math.round(quantile(latencies, q))} ms`,
          ...(mode === '1 s blocks' && q === 0.99 ? { target: '≤ 2 blocks + 200 ms = 2200 ms' } : {}),
        });
      }
    }
    await Promise.all(three.map((r) => r.kill('SIGTERM')));

    // ---------------------------------------------------------------- throughput
    // An import's gas depends on its leaf index (popcount(i) Poseidon hashes in the tree
    // insert), so the capacity of B is taken with the mean gas of the imports of each run.
    const gasLimit = importGas * BigInt(IMPORTS_PER_BLOCK) + importGas / 2n;
    await tB.setBlockGasLimit({ gasLimit });
    for (const count of [1, 3] as const) {
      // A full queue: exports mined quickly (A on automine), no relayer running.
      await tA.setIntervalMining({ interval: 0 });
      await tA.setAutomine(true);
      const ids: Hex[] = [];
      for (let k = 0; k < THROUGHPUT_N; k++) ids.push((await work.send(next++)).messageId);
      // Root accepted beforehand (relayers 1 and 2 sign by hand): deliveries only.
      const checkpoint = await getOutboxCheckpoint(A.pil);
      const signatures = await Promise.all(
        [1, 2].map((i) => signCheckpoint(privateKeyToAccount(devnetRelayerKeys[i]!), checkpoint)),
      );
      await submitCheckpoint(B.pil, { checkpoint, signatures });
      const set = count === 1 ? [mk(0, 0)] : [mk(0, 5_000), mk(1, 5_000), mk(2, 5_000)];
      await Promise.all(set.map((r) => r.start()));
      const events = await Promise.all(ids.map(importOf));
      const importBlocks = events.map((e) => e.blockNumber).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const firstBlock = importBlocks[0]!;
      const lastBlock = importBlocks.at(-1)!;
      const blocks = await blockTxs(B.pil.public as PublicClient, firstBlock, lastBlock);
      const imports = blocks.flatMap((b) => b.txs).filter((t) => t.status === 'success');
      const meanGas = imports.reduce((a, t) => a + t.gasUsed, 0n) / BigInt(imports.length);
      const capacity = Number(gasLimit) / Number(meanGas);
      // Steady state: the blocks between the first and the last import block (those two
      // are partly empty: the relayers start, and the queue runs out, mid-interval).
      const inner = importBlocks.filter((b) => b !== firstBlock && b !== lastBlock).length;
      const innerBlocks = Number(lastBlock - firstBlock) - 1;
      const steady = innerBlocks > 0 ? inner / innerBlocks : Number.NaN;
      const reverted = blocks.flatMap((b) => b.txs).filter((t) => t.status !== 'success');
      const wall = ((await clockB.at(lastBlock)) - (await clockB.at(firstBlock))) / 1000 + 1;
      const who = `${count} relayer${count > 1 ? 's' : ''}`;
      rows.push({
        section,
        metric: `delivered/s, full queue of ${THROUGHPUT_N}, ${who}, steady state (1 s blocks)`,
        value: `${steady.toFixed(1)} msgs/s (${Math.round((100 * steady) / capacity)} % of capacity)`,
        ...(count === 3 ? { target: '≥ 80 % of capacity' } : {}),
      });
      rows.push({
        section,
        metric: `  capacity: block gas limit ${gasLimit} / mean import gas ${meanGas}`,
        value: `${capacity.toFixed(1)} msgs/s`,
      });
      rows.push({
        section,
        metric: `  first to last import block; reverted relayer txs (duplicates, out of gas)`,
        value: `${(THROUGHPUT_N / wall).toFixed(1)} msgs/s wall; ${reverted.length} reverted`,
      });
      await Promise.all(set.map((r) => r.kill('SIGTERM')));
    }
    await clockA.stop();
    await clockB.stop();
    return rows;
  } finally {
    await Promise.all(relayers.map((r) => r.kill('SIGKILL')));
    await h.stop();
  }
}
