// The runbook's metrics read from a real devnet (two anvil chains, real proofs): a create,
// an export from A and its import on B, a reverted transaction, a relayer account drained
// below 0.1 ETH, a relayer slashed for a wrong root, PIL paused on B, and thresholds lowered
// by configuration.
import { createTestClient, http, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRoleHolder, type E2eDevnet, startE2eDevnet } from '../../../../e2e/helpers/devnet.js';
import { pause } from '../../../../packages/sdk/src/actions/orchestrator/pause.js';
import { accountFromSeed, type PilAccount, signCheckpoint } from '../../../../packages/sdk/src/index.js';
import { createNodeProver } from '../../../../packages/sdk/src/node/index.js';
import { evaluate, type MonitorChain, type Reading } from './evaluate.js';

const prover = createNodeProver();

describe('monitor metrics on a devnet', () => {
  let devnet: E2eDevnet;
  let alice: PilAccount;
  let chains: MonitorChain[];
  const reading = (readings: Reading[], metric: string, chainIndex: number, scope?: string) =>
    readings.find(
      (r) =>
        r.metric === metric &&
        r.chainId === chains[chainIndex]!.client.chainId &&
        (scope ? r.scope === scope : !r.scope),
    )!;

  beforeAll(async () => {
    [devnet, alice] = await Promise.all([startE2eDevnet(), accountFromSeed(new Uint8Array(32).fill(0x6d))]);
    chains = devnet.chains.map((c) => ({ name: `devnet-${c.pil.chainId}`, client: c.pil }));
  }, 180_000);
  afterAll(async () => {
    await prover.terminate();
    await devnet?.stop();
  });

  it('reads creation rate, failures, gas, verification time, response time and balances', async () => {
    const [A, B] = [devnet.chains[0].pil, devnet.chains[1].pil];
    const created = await A.createContainer({ prover, recipient: alice, amount: 5n, stateHash: 1n });
    const [note] = await A.scanNotes({ account: alice });
    const exported = await A.exportContainer({
      prover,
      account: alice,
      note: note!,
      dstChainId: B.chainId,
      recipient: alice,
    });
    const checkpoint = await A.getOutboxCheckpoint();
    const signatures = await Promise.all(devnet.relayers.slice(0, 2).map((r) => signCheckpoint(r, checkpoint)));
    await B.submitCheckpoint({ checkpoint, signatures });
    const imported = await B.importContainer({ source: A, messageId: exported.messageId });
    // A transaction to a PIL contract that reverts (the import replayed, sent without simulation).
    const replay = await B.wallet!.sendTransaction({
      to: B.addresses.proofHub!,
      data: (await B.public.getTransaction({ hash: imported.hash })).input,
      gas: 1_000_000n,
      account: devnet.user,
      chain: B.public.chain,
    });
    expect((await B.public.waitForTransactionReceipt({ hash: replay })).status).toBe('reverted');

    const { readings, alerts } = await evaluate(chains, { windowBlocks: 50 });
    const rate = reading(readings, 'container_creation_rate', 0);
    expect(rate.value).toBeGreaterThan(0);
    expect(rate.note).toMatch(/^1 created in blocks/);
    expect(reading(readings, 'average_gas', 0)).toMatchObject({
      level: 'ok',
      note: expect.stringMatching(/^mean of \d+ successful/),
    });
    const verify = reading(readings, 'proof_verification_time', 0);
    expect(verify.value).toBeGreaterThan(0);
    expect(verify.value).toBeLessThan(2);
    expect(verify.level).toBe('ok');
    expect(verify.note).toBe(`create proof of ${created.hash}`);
    const failedB = reading(readings, 'failed_transactions', 1);
    const total = Number(/^1 of (\d+) PIL transactions reverted/.exec(failedB.note)?.[1]);
    expect(failedB.value).toBeCloseTo(100 / total);
    const expected = 100 / total > 5 ? 'critical' : 100 / total > 1 ? 'warning' : 'ok';
    expect(failedB.level).toBe(expected);
    const response = reading(readings, 'relayer_response_time', 1);
    expect(response.value).toBeGreaterThanOrEqual(0);
    expect(response.note).toMatch(/^p95 of 1 imports/);
    expect(reading(readings, 'relayer_response_time', 0).level).toBe('no data');
    expect(expected).not.toBe('ok');
    expect(alerts).toContainEqual(
      expect.objectContaining({ key: `failed_transactions:${B.chainId}`, severity: expected, value: failedB.value }),
    );

    // A relayer account below 0.1 ETH: a critical alert naming it.
    const poor = devnet.relayers[2]!.address;
    const test = createTestClient({ mode: 'anvil', transport: http(devnet.chains[0].rpcUrl) });
    await test.setBalance({ address: poor, value: parseEther('0.05') });
    const drained = await evaluate(chains, { windowBlocks: 50 });
    expect(reading(drained.readings, 'balance', 0, poor)).toMatchObject({ value: 0.05, level: 'critical' });
    const alert = drained.alerts.find((a) => a.key === `balance:${A.chainId}:${poor.toLowerCase()}`);
    expect(alert?.summary).toBe(`Contract / relayer balance 0.0500 ETH < 0.1 ETH on devnet-${A.chainId} (${poor})`);
    await test.setBalance({ address: poor, value: parseEther('100') });

    // Conditions beside the table: a relayer slashed for a wrong root (on the source, A),
    // and PIL paused on B.
    const liar = devnet.relayers[2]!;
    const wrong = { ...(await A.getOutboxCheckpoint()), root: `0x${'ab'.repeat(32)}` as const };
    const wrongSignature = await signCheckpoint(liar, wrong);
    await A.slashWrongCheckpoint({ checkpoint: wrong, signature: wrongSignature });
    const pauser = await asRoleHolder(devnet.chains[1], 'orchestrator', 'GUARDIAN_ROLE');
    await pause(pauser);
    const incidents = await evaluate(chains, { windowBlocks: 50 });
    expect(incidents.alerts).toContainEqual(
      expect.objectContaining({
        key: `paused:${B.chainId}`,
        severity: 'critical',
        summary: `PIL is paused on devnet-${B.chainId}`,
      }),
    );
    const slash = incidents.alerts.find((a) => a.key === `relayer_slashed:${A.chainId}:${liar.address.toLowerCase()}`);
    expect(slash?.severity).toBe('critical');
    expect(slash?.summary).toMatch(
      new RegExp(`^Relayer ${liar.address} was slashed [\\d.]+ ETH on devnet-${A.chainId}`),
    );

    // Thresholds from configuration.
    const strict = await evaluate(chains, {
      windowBlocks: 50,
      thresholds: { container_creation_rate: { warning: 0 } },
    });
    expect(strict.alerts.map((a) => a.key)).toContain(`container_creation_rate:${A.chainId}`);
  }, 180_000);
});
