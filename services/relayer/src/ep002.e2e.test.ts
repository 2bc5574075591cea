// Runbook EP-002 end to end with real relayer processes and the CLI's governance flows:
// a compromised relayer's unaccepted vote and the message it covers are listed
// (`pil relayer pending`), it is removed through the Safe (`pil relayer remove`), its
// signatures stop counting, the other two take its work over at once (not after the
// grace period), and a new relayer admitted through the 6 h timelock (`pil relayer add`,
// warp, `--execute`), staked with `pil relayer stake`, starts signing and delivering.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createWalletClient, type Hex, http, parseEther } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVNET_MNEMONIC, devnetRelayerKeys } from '../../../packages/cli/src/devnet/accounts.js';
import { runCli } from '../../../packages/cli/src/test-utils/run.js';
import { submitCheckpoint } from '../../../packages/sdk/src/actions/proofHub/submitCheckpoint.js';
import { getOutboxCheckpoint } from '../../../packages/sdk/src/index.js';
import { getPilEvents, getRelayerSet, signCheckpoint } from './sdk.js';
import {
  type Harness,
  type HarnessChain,
  type RelayerProcess,
  relayerConfigFor,
  relayerProcess,
  startHarness,
} from './testing/harness.js';
import { until } from './testing/wait.js';
import { prepareWorkload, type Workload } from './testing/workload.js';

const GRACE_MS = 120_000; // far longer than the test waits: a takeover must not need it

describe('EP-002: remove a compromised relayer, hand its work over, add a new one', () => {
  let h: Harness;
  let work: Workload;
  const relayers: RelayerProcess[] = [];
  const freshKey = generatePrivateKey();
  const fresh = privateKeyToAccount(freshKey);
  const compromised = privateKeyToAccount(devnetRelayerKeys[0]!);
  const cli = (argv: string[], env: Record<string, string> = {}) =>
    runCli([...argv, '--network', 'devnet'], { env: { PIL_STATE_DIR: h.dir, ...env } });

  const newRelayer = (i: number, key?: Hex, graceMs = GRACE_MS) => {
    const dataDir = path.join(h.dir, `data-${i}`);
    mkdirSync(dataDir, { recursive: true });
    const config = relayerConfigFor(h.chains, {
      dataDir,
      name: `relayer-${i}`,
      overrides: { delivery: { gracePeriodMs: graceMs, backoffBaseMs: 200, backoffMaxMs: 3_000, concurrency: 8 } },
    });
    return relayerProcess(h.dir, i, config, key ? { key } : {});
  };

  beforeAll(async () => {
    h = await startHarness({ userIndex: 4 });
    work = await prepareWorkload(h.chains[0]!.pil, { n: 5, dstChainId: h.chains[1]!.chainId, seed: 51 });
    relayers.push(newRelayer(0), newRelayer(1), newRelayer(2));
    await relayers[0]!.start(); // only the soon-compromised one runs at first
  }, 300_000);

  afterAll(async () => {
    await Promise.all(relayers.map((r) => r.kill('SIGKILL')));
    await h?.stop();
  });

  const imported = async (c: HarnessChain) =>
    (await getPilEvents(c.pil, { contract: 'proofHub', eventName: 'MessageImported' })).map(
      (e) => e.args.messageId as Hex,
    );

  it('lists its pending work, removes it through the Safe, and the others take the work over at once', async () => {
    const [A, B] = h.chains as [HarnessChain, HarnessChain];
    const first = await work.send(0);
    // Relayer 0 alone: its vote (1 of quorum 2) waits on B.
    await until('relayer 0 voted', async () => {
      const votes = await getPilEvents(B.pil, { contract: 'proofHub', eventName: 'CheckpointVoted' });
      return votes.some((v) => (v.args.signer as string).toLowerCase() === compromised.address.toLowerCase());
    });
    const pending = await cli(['relayer', 'pending', compromised.address, '--chain', String(B.chainId), '--json']);
    expect(pending.code, pending.stderr).toBe(0);
    const listed = JSON.parse(pending.stdout).chains[0].checkpoints;
    expect(listed).toHaveLength(1);
    expect(listed[0].stillCounts).toBe(true);
    expect(listed[0].messages.map((m: { messageId: string }) => m.messageId)).toEqual([first.messageId]);

    // Compromised: taken offline and removed through the Safe on both chains.
    await relayers[0]!.kill('SIGKILL');
    const removed = await cli(['relayer', 'remove', compromised.address, '--json']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout).chains.map((c: { status: string }) => c.status)).toEqual([
      'executed',
      'executed',
    ]);
    const after = JSON.parse(
      (await cli(['relayer', 'pending', compromised.address, '--chain', String(B.chainId), '--json'])).stdout,
    );
    expect(after.chains[0].checkpoints[0].stillCounts).toBe(false);
    // Its signature no longer counts: refused by the hub.
    const checkpoint = await getOutboxCheckpoint(A.pil);
    await expect(
      submitCheckpoint(B.pil, { checkpoint, signatures: [await signCheckpoint(compromised, checkpoint)] }),
    ).rejects.toThrow(/not (an )?active/i);

    // The other two take over: the waiting message and new ones (some of which relayer 0
    // owned under the three-relayer assignment) arrive well within the grace period.
    const started = Date.now();
    await Promise.all([relayers[1]!.start(), relayers[2]!.start()]);
    const more = [(await work.send(1)).messageId, (await work.send(2)).messageId];
    await until(
      'the compromised relayer’s work delivered by the others',
      async () => {
        const ids = await imported(B);
        return [first.messageId, ...more].every((id) => ids.includes(id));
      },
      60_000,
    );
    expect(Date.now() - started).toBeLessThan(GRACE_MS / 2);
    const importers = (await getPilEvents(B.pil, { contract: 'proofHub', eventName: 'MessageImported' })).map((e) =>
      (e.args.relayer as string).toLowerCase(),
    );
    expect(importers).not.toContain(compromised.address.toLowerCase());
  }, 180_000);

  it('admits a new relayer through the 6 h timelock; staked, it signs and delivers', async () => {
    const [, B] = h.chains as [HarnessChain, HarnessChain];
    const scheduled = await cli(['relayer', 'add', fresh.address, '--json']);
    expect(scheduled.code, scheduled.stderr).toBe(0);
    const early = await cli(['relayer', 'add', fresh.address, '--execute']);
    expect(early.code).not.toBe(0); // before the ETA
    for (const c of h.chains) {
      const test = (await import('viem')).createTestClient({
        mode: 'anvil',
        transport: http(c.rpcUrl),
        chain: c.pil.public.chain,
      });
      await test.increaseTime({ seconds: 6 * 3600 + 60 });
      await test.mine({ blocks: 1 });
      // Gas money for the new relayer, from a devnet account.
      const funder = createWalletClient({
        account: mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: 0 }),
        transport: http(c.rpcUrl),
        chain: c.pil.public.chain,
      });
      await c.pil.public.waitForTransactionReceipt({
        hash: await funder.sendTransaction({ to: fresh.address, value: parseEther('10') }),
      });
    }
    const executed = await cli(['relayer', 'add', fresh.address, '--execute', '--json']);
    expect(executed.code, executed.stderr).toBe(0);
    const staked = await cli(['relayer', 'stake', '1', '--json'], { PRIVATE_KEY: freshKey });
    expect(staked.code, staked.stderr).toBe(0);
    for (const c of h.chains) {
      const set = await getRelayerSet(c.pil);
      const me = set.relayers.find((r) => r.address.toLowerCase() === fresh.address.toLowerCase());
      expect(me?.active).toBe(true);
      expect(set.activeCount).toBe(3n);
    }
    // Relayer 2 goes offline: the quorum (2) needs the newcomer's signature.
    await relayers[2]!.kill('SIGKILL');
    const newcomer = newRelayer(3, freshKey, 2_000);
    relayers.push(newcomer);
    await newcomer.start();
    const { messageId } = await work.send(3);
    await until('delivered with the newcomer', async () => (await imported(B)).includes(messageId), 60_000);
    const voted = async (count: bigint) =>
      (await getPilEvents(B.pil, { contract: 'proofHub', eventName: 'CheckpointVoted' })).some(
        (v) => (v.args.signer as string).toLowerCase() === fresh.address.toLowerCase() && v.args.count === count,
      );
    expect(await voted(4n)).toBe(true);
    // It delivers too: relayer 1 goes offline as well; an operator adds relayer 1's
    // signature by hand to reach the quorum, and the newcomer, alone, imports.
    await relayers[1]!.kill('SIGKILL');
    const last = await work.send(4);
    await until('the newcomer voted on the last one', () => voted(5n));
    const checkpoint = await getOutboxCheckpoint(h.chains[0]!.pil);
    expect(checkpoint.count).toBe(5n);
    await submitCheckpoint(B.pil, {
      checkpoint,
      signatures: [await signCheckpoint(privateKeyToAccount(devnetRelayerKeys[1]!), checkpoint)],
    });
    await until('the newcomer imported the last one', async () => {
      const ev = await getPilEvents(B.pil, { contract: 'proofHub', eventName: 'MessageImported' });
      return ev.some(
        (e) =>
          e.args.messageId === last.messageId &&
          (e.args.relayer as string).toLowerCase() === fresh.address.toLowerCase(),
      );
    });
    const status = await newcomer.status();
    expect(status.failed).toEqual([]);
  }, 180_000);
});
