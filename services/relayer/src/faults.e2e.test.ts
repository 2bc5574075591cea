// Issue 6, faults: every relayer reaches the chains only through a loopback proxy that
// drops requests, loses answers of executed requests, delays, answers 500 and resets
// connections (seeded); one relayer's first RPC URL is dead (always 500), so it fails
// over. The relayers recover and deliver every message exactly once, with nothing
// recorded as failed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPilEvents } from './sdk.js';
import { type FaultProxy, startFaultProxy } from './testing/faultProxy.js';
import {
  type Harness,
  type RelayerProcess,
  relayerConfigFor,
  relayerProcess,
  startHarness,
} from './testing/harness.js';
import { until } from './testing/wait.js';
import { prepareWorkload, type Workload } from './testing/workload.js';

const N = 8; // per direction

describe('relayers behind a faulty RPC (drops, lost answers, delays, 500s, resets)', () => {
  let h: Harness;
  let relayers: RelayerProcess[] = [];
  const proxies: FaultProxy[] = [];
  const dead: FaultProxy[] = [];
  const work: Workload[] = [];

  beforeAll(async () => {
    h = await startHarness({ userIndex: 8 });
    const [A, B] = h.chains as [Harness['chains'][0], Harness['chains'][0]];
    work.push(await prepareWorkload(A.pil, { n: N, dstChainId: B.chainId, seed: 21 }));
    work.push(await prepareWorkload(B.pil, { n: N, dstChainId: A.chainId, seed: 22 }));
    for (const [i, c] of h.chains.entries()) {
      proxies.push(
        await startFaultProxy(c.rpcUrl, {
          seed: 100 + i,
          rates: { drop: 0.04, lost: 0.04, delay: 0.1, error500: 0.06, reset: 0.04 },
          maxDelayMs: 1_200,
        }),
      );
      dead.push(await startFaultProxy(c.rpcUrl, { seed: 200 + i, rates: { error500: 1 } }));
    }
    relayers = [0, 1, 2].map((i) => {
      const dataDir = path.join(h.dir, `data-${i}`);
      mkdirSync(dataDir, { recursive: true });
      const rpcUrls = Object.fromEntries(
        h.chains.map((c, j) => [c.chainId, i === 2 ? [dead[j]!.url, proxies[j]!.url] : [proxies[j]!.url]]),
      );
      return relayerProcess(
        h.dir,
        i,
        relayerConfigFor(h.chains, { dataDir, name: `relayer-${i}`, rpcUrls, overrides: { seed: 60 + i } }),
      );
    });
    await Promise.all(relayers.map((r) => r.start()));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(relayers.map((r) => r.kill('SIGKILL')));
    await Promise.all([...proxies, ...dead].map((p) => p.stop()));
    await h?.stop();
  });

  it('recover and deliver every message exactly once', async () => {
    const sent: Hex[] = [];
    for (let i = 0; i < N; i++) {
      for (const wl of work) sent.push((await wl.send(i)).messageId);
    }
    const imported = async () => {
      const all = await Promise.all(
        h.chains.map((c) => getPilEvents(c.pil, { contract: 'proofHub', eventName: 'MessageImported' })),
      );
      return all.flat().map((e) => e.args.messageId as Hex);
    };
    await until(
      'every message imported through the faults',
      async () => (await imported()).length >= sent.length,
      150_000,
    );
    const faults = proxies.reduce(
      (acc, p) => {
        for (const [k, v] of Object.entries(p.counts)) acc[k] = (acc[k] ?? 0) + v;
        return acc;
      },
      {} as Record<string, number>,
    );
    for (const kind of ['drop', 'lost', 'delay', 'error500', 'reset']) expect(faults[kind], kind).toBeGreaterThan(0);
    expect(dead.reduce((n, p) => n + p.counts.error500, 0)).toBeGreaterThan(0); // relayer 2 failed over
    // The relayers' own records settle once the faults stop.
    for (const p of proxies) p.setRates({});
    await new Promise((r) => setTimeout(r, 1_000));
    const ids = await imported();
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(sent));
    await until('queues drained', async () => {
      const st = await Promise.all(relayers.map((r) => r.status()));
      return st.every((s) => s.chains.every((c) => c.queueDepth === 0));
    });
    for (const r of relayers) {
      const s = await r.status();
      expect(s.failed).toEqual([]);
      expect(s.chains.reduce((n, c) => n + c.delivered + c.deliveredByOther, 0)).toBe(sent.length);
    }
    const metrics = await relayers[0]!.metrics();
    expect(metrics).toMatch(/pil_relayer_retries_total/);
  }, 240_000);
});
