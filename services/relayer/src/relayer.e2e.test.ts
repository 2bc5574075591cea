// Issue 6: three real relayer processes (quorum 2) between two real anvil chains
// deliver real exported containers exactly once, through kill -9, a guardian pause,
// RPC faults, a stuck transaction and a wrong root, and never leak a secret.
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devnetRelayerKeys } from '../../../packages/cli/src/devnet/accounts.js';
import { pause } from '../../../packages/sdk/src/actions/orchestrator/pause.js';
import { unpause } from '../../../packages/sdk/src/actions/orchestrator/unpause.js';
import { submitCheckpoint } from '../../../packages/sdk/src/actions/proofHub/submitCheckpoint.js';
import { seededRandom } from './core/retry.js';
import { crossChainProofHubAbi, getPilEvents, getRelayer, signCheckpoint } from './sdk.js';
import { asGovernance, type Harness, type RelayerProcess, relayerProcesses, startHarness } from './testing/harness.js';
import { prepareWorkload, type Workload } from './testing/workload.js';

const N = Number(process.env.RELAYER_TEST_MESSAGES ?? 26); // per direction
const UNKNOWN_CHAIN = 31_339;

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
    // A has 4 extra messages: 3 for the pause scenario, 1 to a destination no relayer serves.
    const destinations = [...Array(N + 3).fill(B.chainId), UNKNOWN_CHAIN];
    work.push(await prepareWorkload(A.pil, { n: N + 4, dstChainId: B.chainId, seed: 1, destinations }));
    work.push(await prepareWorkload(B.pil, { n: N, dstChainId: A.chainId, seed: 2 }));
    relayers = relayerProcesses(h);
    await Promise.all(relayers.map((r) => r.start()));
  }, 600_000);

  afterAll(async () => {
    await Promise.all(relayers.map((r) => r.kill('SIGKILL')));
    await h?.stop();
  });

  const imports = async (chainIndex: number) =>
    getPilEvents(h.chains[chainIndex]!.pil, { contract: 'proofHub', eventName: 'MessageImported' });

  it('delivers messages A→B and B→A exactly once while a relayer is killed -9 and restarted at seeded points', async () => {
    // 20 kill points, seeded: after which of the 2N sends, which relayer, how long after
    // the send it dies and how long it stays dead. Sends do not wait for the restart.
    const rand = seededRandom(6);
    const KILLS = 20;
    const order = Array.from({ length: 2 * N }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const points = new Set(order.slice(0, KILLS));
    // One queue per relayer: a relayer still starting is never killed again.
    const queues = new Map<number, Promise<void>>();
    const kills: number[] = [];
    const killAndRestart = (victim: RelayerProcess, afterMs: number, deadMs: number) => {
      const next = (queues.get(victim.index) ?? Promise.resolve()).then(async () => {
        await new Promise((r) => setTimeout(r, afterMs));
        await victim.kill('SIGKILL');
        kills.push(victim.index);
        await new Promise((r) => setTimeout(r, deadMs));
        await victim.start();
      });
      queues.set(victim.index, next);
      return next;
    };
    const chaos: Promise<void>[] = [];
    for (let i = 0; i < N; i++) {
      for (const [w, wl] of work.entries()) {
        const r = await wl.send(i);
        sent.push({ messageId: r.messageId, dst: h.chains[1 - w]!.chainId });
        if (points.has(sent.length - 1)) {
          const victim = relayers[Math.floor(rand() * 3)]!;
          const kill = killAndRestart(victim, Math.floor(rand() * 400), Math.floor(rand() * 300));
          kill.catch(() => {}); // surfaced by Promise.all(chaos) below
          chaos.push(kill);
        }
      }
    }
    await Promise.all(chaos);
    expect(kills).toHaveLength(KILLS);
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
    // No relayer transaction ran out of gas (the import gas bound, core/gas.ts): a revert
    // that used its whole gas limit. (Reverts of duplicates stop early and are allowed.)
    const relayerAddresses = new Set(devnetRelayerKeys.map((k) => privateKeyToAccount(k).address.toLowerCase()));
    let relayerTxs = 0;
    for (const c of h.chains) {
      const head = await c.pil.public.getBlockNumber();
      for (let n = BigInt(c.deployment.deploymentBlock); n <= head; n++) {
        const block = await c.pil.public.getBlock({ blockNumber: n, includeTransactions: true });
        for (const tx of block.transactions) {
          if (!relayerAddresses.has(tx.from.toLowerCase())) continue;
          relayerTxs++;
          const receipt = await c.pil.public.getTransactionReceipt({ hash: tx.hash });
          if (receipt.status === 'reverted') expect(receipt.gasUsed, `${tx.hash} ran out of gas`).toBeLessThan(tx.gas);
        }
      }
    }
    expect(relayerTxs).toBeGreaterThanOrEqual(sent.length);
  }, 600_000);

  it('waits while the guardian pauses the destination, then delivers everything after unpause', async () => {
    await asGovernance(h, 1, 'safe', (c) => pause(c));
    const ids: Hex[] = [];
    for (let i = N; i < N + 3; i++) ids.push((await work[0]!.send(i)).messageId);
    await new Promise((r) => setTimeout(r, 4_000));
    const during = await imports(1);
    expect(during.filter((e) => ids.includes(e.args.messageId as Hex))).toHaveLength(0);
    for (const r of relayers) expect((await r.status()).failed).toEqual([]); // waiting, not failed
    await asGovernance(h, 1, 'emergencyTimelock', (c) => unpause(c));
    await until('paused messages delivered', async () => {
      const after = await imports(1);
      return ids.every((id) => after.some((e) => e.args.messageId === id));
    });
    const after = (await imports(1)).map((e) => e.args.messageId as Hex);
    expect(new Set(after).size).toBe(after.length);
  }, 120_000);

  it('records a message to a destination no relayer serves as failed with the reason, without blocking others', async () => {
    const B = h.chains[1]!;
    await asGovernance(h, 0, 'standardTimelock', async (c) => {
      const hash = await c.wallet!.writeContract({
        address: c.addresses.proofHub!,
        abi: crossChainProofHubAbi,
        functionName: 'setRemoteHub',
        args: [BigInt(UNKNOWN_CHAIN), B.deployment.addresses.proofHub!],
      });
      await c.public.waitForTransactionReceipt({ hash });
    });
    const bad = await work[0]!.send(N + 3);
    await until('failure recorded by every relayer', async () => {
      const st = await Promise.all(relayers.map((r) => r.status()));
      return st.every((s) => s.failed.some((f) => f.message_id === bad.messageId));
    });
    const s = await relayers[0]!.status();
    expect(s.failed.find((f) => f.message_id === bad.messageId)?.reason).toMatch(/unknown destination/);
    expect(s.chains.every((c) => c.queueDepth === 0)).toBe(true);
  }, 60_000);

  it('slashes a relayer that signed a wrong root (the watcher finds the vote, proves it on the source)', async () => {
    const [A, B] = h.chains as [Harness['chains'][0], Harness['chains'][0]];
    const liar = privateKeyToAccount(devnetRelayerKeys[2]!);
    const before = await getRelayer(A.pil, { relayer: liar.address });
    expect(before.bonded).toBeGreaterThan(0n);
    const checkpoint = {
      srcChainId: BigInt(A.chainId),
      srcHub: A.deployment.addresses.proofHub!,
      count: 1n,
      root: `0x${'ab'.repeat(32)}` as Hex,
    };
    const signature = await signCheckpoint(liar, checkpoint);
    await submitCheckpoint(B.pil, { checkpoint, signatures: [signature] });
    const slashed = await until(
      'RelayerSlashed on A',
      async () => {
        const ev = await getPilEvents(A.pil, { contract: 'relayerRegistry', eventName: 'RelayerSlashed' });
        return ev.length > 0 ? ev : undefined;
      },
      60_000,
    );
    expect((slashed[0]!.args.relayer as string).toLowerCase()).toBe(liar.address.toLowerCase());
    const after = await getRelayer(A.pil, { relayer: liar.address });
    expect(after.bonded).toBe(0n);
    // The slashing relayer records its evidence once it has the receipt (a moment after the event).
    await until('the evidence recorded as slashed', async () => {
      const evidence = (await Promise.all(relayers.map((r) => r.status()))).flatMap((s) => s.evidence);
      return evidence.some((e) => e.kind === 'wrong-root' && e.state === 'slashed');
    });
  }, 90_000);

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
