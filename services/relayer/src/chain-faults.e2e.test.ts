// Issue 6, chain-level faults with real relayer processes:
//   - a stuck (underpriced) transaction is replaced with a higher fee (same nonce): the
//     destination's base fee jumps above what the relayers offered while mining is held;
//   - a reorg of the source (anvil_reorg) before the confirmations: the message that
//     vanished is never delivered, the one exported in its place is; and a reorg deeper
//     than the confirmations (destination paused, so nothing was signed yet) marks the
//     message vanished, and the next message at the same outbox index is delivered.
import { readFileSync } from 'node:fs';
import { createTestClient, getAbiItem, type Hash, type Hex, http, parseGwei, toFunctionSelector } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pause } from '../../../packages/sdk/src/actions/orchestrator/pause.js';
import { unpause } from '../../../packages/sdk/src/actions/orchestrator/unpause.js';
import { crossChainProofHubAbi, getOutboxCount, getPilEvents } from './sdk.js';
import {
  asGovernance,
  type Harness,
  type HarnessChain,
  type RelayerProcess,
  relayerProcesses,
  startHarness,
} from './testing/harness.js';
import { until } from './testing/wait.js';
import { prepareWorkload, type Workload } from './testing/workload.js';

const testClient = (c: HarnessChain) =>
  createTestClient({ mode: 'anvil', transport: http(c.rpcUrl), chain: c.pil.public.chain });

const importsOf = async (c: HarnessChain) =>
  (await getPilEvents(c.pil, { contract: 'proofHub', eventName: 'MessageImported' })).map((e) => ({
    messageId: e.args.messageId as Hex,
    commitment: e.args.commitment as bigint,
    txHash: e.transactionHash as Hash,
  }));

type LogEvent = { event?: { type: string; oldHash?: string; newHash?: string; chainId?: number } };
const logEvents = (r: RelayerProcess): LogEvent['event'][] =>
  readFileSync(r.logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      try {
        return (JSON.parse(l) as LogEvent).event;
      } catch {
        return undefined;
      }
    })
    .filter((e) => e !== undefined);

describe('a stuck (underpriced) transaction', () => {
  let h: Harness;
  let relayers: RelayerProcess[] = [];
  let work: Workload;

  beforeAll(async () => {
    h = await startHarness({ userIndex: 6 });
    work = await prepareWorkload(h.chains[0]!.pil, { n: 1, dstChainId: h.chains[1]!.chainId, seed: 31 });
    // Only the owner delivers (no grace fallback during the test): one import transaction to follow.
    relayers = relayerProcesses(h, {
      chainOverrides: { stuckAfterMs: 1_500 },
      overrides: { delivery: { gracePeriodMs: 120_000, backoffBaseMs: 200, backoffMaxMs: 3_000, concurrency: 8 } },
    });
    await Promise.all(relayers.map((r) => r.start()));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(relayers.map((r) => r.kill('SIGKILL')));
    await h?.stop();
  });

  it('is replaced with a higher fee (same nonce) and the replacement is mined', async () => {
    const B = h.chains[1]!;
    const tB = testClient(B);
    const importSelector = toFunctionSelector(
      getAbiItem({ abi: crossChainProofHubAbi, name: 'importMessage' }) as never,
    );
    const pooled = async (minMaxFee: bigint, only?: 'import') => {
      const content = await tB.getTxpoolContent();
      return Object.values(content.pending)
        .flatMap((byNonce) => Object.values(byNonce))
        .filter((tx) => BigInt(tx.maxFeePerGas ?? 0n) >= minMaxFee)
        .filter((tx) => only !== 'import' || tx.input.startsWith(importSelector));
    };
    const holdWithBaseFee = async (gwei: string) => {
      await tB.request({
        method: 'anvil_setNextBlockBaseFeePerGas' as never,
        params: [`0x${parseGwei(gwei).toString(16)}`] as never,
      });
      await tB.mine({ blocks: 1 });
    };
    await tB.setAutomine(false);
    const { messageId } = await work.send(0);

    // 1. The checkpoint votes wait in B's pool; the next block's base fee jumps to 100 gwei.
    await until('checkpoint votes in the pool', async () => (await pooled(0n)).length >= 2, 30_000, 100);
    await holdWithBaseFee('100');
    // Too cheap for that block (anvil also drops them from its pool: only a replacement helps).
    expect((await B.pil.public.getBlock()).transactions).toHaveLength(0);
    await until('replacements over the new base fee', async () => (await pooled(parseGwei('100'))).length >= 2, 30_000);
    await tB.mine({ blocks: 1 });

    // 2. The import (owner only) is sent; then the base fee jumps again, above its max fee.
    await until('the import in the pool', async () => (await pooled(0n, 'import')).length >= 1, 30_000, 100);
    const [first] = await pooled(0n, 'import');
    expect(BigInt(first!.maxFeePerGas!)).toBeLessThan(parseGwei('300'));
    await holdWithBaseFee('300');
    expect((await B.pil.public.getBlock()).transactions).toHaveLength(0);
    await until(
      'the import replaced over 300 gwei',
      async () => (await pooled(parseGwei('300'), 'import')).length >= 1,
      30_000,
    );
    await tB.setAutomine(true);
    await tB.mine({ blocks: 1 });

    const imported = await until('the message imported', async () => {
      const all = await importsOf(B);
      return all.length > 0 ? all : undefined;
    });
    expect(imported.map((i) => i.messageId)).toEqual([messageId]);
    const tx = await B.pil.public.getTransaction({ hash: imported[0]!.txHash });
    expect(tx.nonce).toBe(Number(first!.nonce));
    expect(tx.from.toLowerCase()).toBe(first!.from.toLowerCase());
    expect(tx.hash).not.toBe(first!.hash);
    expect(tx.maxFeePerGas!).toBeGreaterThanOrEqual(parseGwei('300'));
    // The relayer said so, and the underpriced original never made it into a block.
    const replaced = relayers.flatMap(logEvents).filter((e) => e?.type === 'tx.replaced' && e.chainId === B.chainId);
    expect(replaced.map((e) => e!.newHash)).toContain(tx.hash);
    expect(replaced.map((e) => e!.oldHash)).toContain(first!.hash);
    await expect(B.pil.public.getTransactionReceipt({ hash: first!.hash })).rejects.toThrow();
    await until('queues drained', async () => {
      const st = await Promise.all(relayers.map((r) => r.status()));
      return st.every((s) => s.failed.length === 0 && s.chains.every((c) => c.queueDepth === 0));
    });
  }, 180_000);
});

describe('a reorg of the source', () => {
  let h: Harness;
  let relayers: RelayerProcess[] = [];
  let work: Workload;

  beforeAll(async () => {
    h = await startHarness({ userIndex: 5 });
    work = await prepareWorkload(h.chains[0]!.pil, { n: 4, dstChainId: h.chains[1]!.chainId, seed: 41 });
    relayers = relayerProcesses(h, { confirmations: 2 });
    await Promise.all(relayers.map((r) => r.start()));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(relayers.map((r) => r.kill('SIGKILL')));
    await h?.stop();
  });

  const statusOnB = async () =>
    Promise.all(relayers.map(async (r) => (await r.status()).chains.find((c) => c.chainId === h.chains[1]!.chainId)!));

  it('before the confirmations: the vanished message is never delivered, its replacement at the same index is', async () => {
    const [A, B] = h.chains as [HarnessChain, HarnessChain];
    const tA = testClient(A);
    const gone = await work.send(0);
    expect(await getOutboxCount(A.pil)).toBe(1n);
    // The export's block and nothing after it: one block below the 2 confirmations.
    await tA.request({ method: 'anvil_reorg' as never, params: [1, []] as never });
    expect(await getOutboxCount(A.pil)).toBe(0n);
    await tA.mine({ blocks: 4 });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await importsOf(B)).toEqual([]);
    const kept = await work.send(1);
    expect(kept.messageId).toBe(gone.messageId); // message ids are (chain, hub, index)
    await tA.mine({ blocks: 2 });
    const imported = await until('the replacement imported', async () => {
      const all = await importsOf(B);
      return all.length > 0 ? all : undefined;
    });
    expect(imported).toHaveLength(1);
    expect(imported[0]!.commitment).toBe(work.exports[1]!.dstCommitment);
    expect(imported[0]!.commitment).not.toBe(work.exports[0]!.dstCommitment);
    const st = await statusOnB();
    expect(st.every((c) => c.vanished === 0 && c.failed === 0)).toBe(true);
  }, 120_000);

  it('deeper than the confirmations: marked vanished, nothing signed or delivered; the next message at that index is', async () => {
    const [A, B] = h.chains as [HarnessChain, HarnessChain];
    const tA = testClient(A);
    await asGovernance(h, 1, 'safe', (c) => pause(c)); // B paused: the relayers see but may not sign yet
    await until('every relayer knows B is paused', async () =>
      (await Promise.all(relayers.map((r) => r.status()))).every(
        (s) => s.chains.find((c) => c.chainId === B.chainId)!.paused,
      ),
    );
    const gone = await work.send(2);
    await tA.mine({ blocks: 3 });
    await until('every relayer saw it', async () => (await statusOnB()).every((c) => c.pending === 1), 30_000);
    await tA.request({ method: 'anvil_reorg' as never, params: [4, []] as never });
    expect(await getOutboxCount(A.pil)).toBe(1n);
    await until(
      'every relayer marked it vanished',
      async () => (await statusOnB()).every((c) => c.vanished === 1),
      30_000,
    );
    await asGovernance(h, 1, 'emergencyTimelock', (c) => unpause(c));
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await importsOf(B)).map((i) => i.messageId)).not.toContain(gone.messageId);
    const kept = await work.send(3);
    expect(kept.messageId).toBe(gone.messageId);
    await tA.mine({ blocks: 2 });
    const imported = await until('the next message at that index imported', async () => {
      const all = await importsOf(B);
      return all.length > 1 ? all : undefined;
    });
    expect(imported).toHaveLength(2);
    expect(imported[1]!.messageId).toBe(kept.messageId);
    expect(imported[1]!.commitment).toBe(work.exports[3]!.dstCommitment);
    await until('queues drained', async () => (await statusOnB()).every((c) => c.queueDepth === 0 && c.failed === 0));
  }, 120_000);
});
