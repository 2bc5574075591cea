// Issue 6, bad input. A spend proof and its nullifier are checked where the note lives: an
// export with a bad proof or a replayed nullifier is refused by the source chain and never
// reaches an outbox, so no relayer ever sees it. A message the destination refuses (here
// addressed to a hub that is not the destination's, after a misconfigured remote hub on the
// source) is recorded as failed with the contract's reason by every relayer, is not retried,
// and does not hold up the message behind it.
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendExportContainer } from '../../../packages/sdk/src/actions/pc3/sendExportContainer.js';
import { InvalidProofError, NullifierAlreadyConsumedError } from '../../../packages/sdk/src/index.js';
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

describe('bad input: refused at the source, or by the destination and recorded as failed', () => {
  let h: Harness;
  let A: HarnessChain;
  let B: HarnessChain;
  let work: Workload;
  const relayers: RelayerProcess[] = [];

  const setRemoteHubOnA = (hub: Address) =>
    asGovernance(h, 0, 'standardTimelock', async (c) => {
      const hash = await c.wallet!.writeContract({
        address: c.addresses.proofHub!,
        abi: crossChainProofHubAbi,
        functionName: 'setRemoteHub',
        args: [BigInt(B.chainId), hub],
      });
      await c.public.waitForTransactionReceipt({ hash });
    });

  const statuses = () => Promise.all(relayers.map((r) => r.status()));

  beforeAll(async () => {
    h = await startHarness({ userIndex: 5 });
    [A, B] = h.chains as [HarnessChain, HarnessChain];
    work = await prepareWorkload(A.pil, { n: 2, dstChainId: B.chainId, seed: 61 });
    relayers.push(...relayerProcesses(h));
    await Promise.all(relayers.map((r) => r.start()));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(relayers.map((r) => r.kill('SIGKILL')));
    await h?.stop();
  });

  it('an export with a bad proof is refused by the source: nothing enters the outbox', async () => {
    const e = work.exports[1]!;
    const bad = { ...e.proof, a: [e.proof.a[0], e.proof.a[1] + 1n] as const };
    const err = await sendExportContainer(A.pil, {
      proof: bad as typeof e.proof,
      args: e.args,
      dstChainId: BigInt(e.dstChainId),
      ciphertext: e.ciphertext,
    }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(InvalidProofError);
    expect(await getOutboxCount(A.pil)).toBe(0n);
  });

  it('a message the destination refuses is failed with the reason everywhere and does not block the next', async () => {
    const hubOfB = B.deployment.addresses.proofHub!;
    await setRemoteHubOnA(A.deployment.addresses.relayerRegistry!); // a wrong hub for B
    const refused = await work.send(0);
    await setRemoteHubOnA(hubOfB);
    const next = await work.send(1);
    await until(
      'the next message imported on B',
      async () =>
        (await getPilEvents(B.pil, { contract: 'proofHub', eventName: 'MessageImported' })).some(
          (e) => e.args.messageId === next.messageId,
        ),
      60_000,
    );
    await until('the refused message failed at every relayer', async () =>
      (await statuses()).every((s) => s.failed.some((f) => f.message_id === refused.messageId)),
    );
    for (const s of await statuses()) {
      expect(s.failed.find((f) => f.message_id === refused.messageId)?.reason).toMatch(/^WrongDestination/);
      expect(s.chains.every((c) => c.queueDepth === 0)).toBe(true);
    }
    const imported = await getPilEvents(B.pil, { contract: 'proofHub', eventName: 'MessageImported' });
    expect(imported.map((e) => e.args.messageId)).toEqual([next.messageId]);
  }, 120_000);

  it('a replayed nullifier is refused by the source: the outbox and the relayers are unchanged', async () => {
    const before = await getOutboxCount(A.pil);
    const err = await work.send(1).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(NullifierAlreadyConsumedError);
    expect(await getOutboxCount(A.pil)).toBe(before);
    await new Promise((r) => setTimeout(r, 1_000));
    for (const s of await statuses()) {
      const seen = s.chains.reduce((n, c) => n + c.queueDepth + c.delivered + c.deliveredByOther, 0);
      expect(seen + s.failed.length).toBe(2);
    }
  });
});
