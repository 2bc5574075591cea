// Issue 6: `npm start` (scripts/start.mjs as a child process, free ports, its own state
// dir) runs the devnet and its three relayers; a container exported on chain A with the
// SDK (the README's quick start, against the printed deployments files) arrives on
// chain B with no one touching it, and the monitor sees it; Ctrl-C (SIGINT to the process
// group) stops every relayer, the monitor and every chain.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import { DEVNET_MNEMONIC } from '../../../packages/cli/src/devnet/accounts.js';
import { accountFromSeed, createPilClient } from '../../../packages/sdk/src/index.js';
import { createNodeProver, loadDeployments } from '../../../packages/sdk/src/node/index.js';
import { repoRoot } from './testing/harness.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'pil-npm-start-'));
  let child: ChildProcess | undefined;
  let out = '';
  let err = '';
  const prover = createNodeProver();

  afterAll(async () => {
    await prover.terminate();
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
    rmSync(stateDir, { recursive: true, force: true });
  });

  const waitFor = async (pattern: RegExp, stream: () => string, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(stream())) {
      if (child!.exitCode !== null) throw new Error(`npm start exited ${child!.exitCode}:\n${err}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('runs three relayers that carry an SDK export from A to B by themselves; Ctrl-C stops them all', async () => {
    // Its own process group, like a terminal's foreground job: Ctrl-C signals all of it.
    child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: repoRoot,
      detached: true,
      env: { ...process.env, PIL_STATE_DIR: stateDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
    });
    await waitFor(/Press Ctrl-C to stop/, () => out);
    await waitFor(/(relayer \d .*\/status[\s\S]*){3}/, () => err);
    const relayerLines = [...err.matchAll(/relayer (\d) \((0x[0-9a-fA-F]{40})\) (http:\/\/127\.0\.0\.1:\d+)\/status/g)];
    expect(relayerLines).toHaveLength(3);
    const anvilPids = [...err.matchAll(/anvil pid (\d+)/g)].map((m) => Number(m[1]));
    expect(anvilPids).toHaveLength(2);
    const relayerPids = [0, 1, 2].map(
      (i) =>
        (
          JSON.parse(readFileSync(path.join(stateDir, 'devnet-relayers', String(i), 'ready.json'), 'utf8')) as {
            pid: number;
          }
        ).pid,
    );
    // The runbook's `curl …/relayers/health | jq .` equivalent answers.
    const health = (await (await fetch(`${relayerLines[0]![3]}/relayers/health`)).json()) as { relayer: string };
    expect(health.relayer).toBe(relayerLines[0]![2]);

    // The README's quick start up to the export; no checkpoint, no import by hand.
    const [a, b] = loadDeployments('devnet', path.join(stateDir, 'deployments'));
    const user = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: 9 });
    const chainA = createPilClient({ deployment: a!, account: user, pollingInterval: 50 });
    const chainB = createPilClient({ deployment: b!, account: user, pollingInterval: 50 });
    const alice = await accountFromSeed(new Uint8Array(32).fill(1));
    const bob = await accountFromSeed(new Uint8Array(32).fill(2));
    await chainA.createContainer({ prover, recipient: alice, amount: 1000n, stateHash: 7n });
    const [note] = await chainA.scanNotes({ account: alice });
    const exported = await chainA.exportContainer({
      prover,
      account: alice,
      note: note!,
      dstChainId: b!.chainId,
      recipient: bob,
    });
    const arrived = await chainB.waitForImport({ messageId: exported.messageId, timeout: 60_000 });
    expect(arrived.leafIndex).toBe(0n);
    const [bobsNote] = await chainB.scanNotes({ account: bob, sources: [chainA] });
    expect(bobsNote?.amount).toBe(1000n);
    // One relayer delivered it, the others recorded it as delivered by another; none failed.
    const statusesOnB = async () =>
      Promise.all(
        relayerLines.map(async (m) => {
          const s = (await (await fetch(`${m[3]}/status`)).json()) as { chains: StatusChain[] };
          return s.chains.find((c) => c.chainId === b!.chainId)!;
        }),
      );
    let onB = await statusesOnB();
    for (let i = 0; i < 100 && onB.some((c) => c.delivered + c.deliveredByOther < 1); i++) {
      await new Promise((r) => setTimeout(r, 100));
      onB = await statusesOnB();
    }
    expect(onB.reduce((n, c) => n + c.delivered, 0)).toBe(1);
    expect(onB.reduce((n, c) => n + c.deliveredByOther, 0)).toBe(2);
    expect(onB.every((c) => c.failed === 0)).toBe(true);

    // The monitor runs too, and its next rounds see the import on B.
    await waitFor(/monitor http:\/\/127\.0\.0\.1:\d+\/status/, () => err);
    const monitorUrl = /monitor (http:\/\/127\.0\.0\.1:\d+)\/status/.exec(err)![1]!;
    const monitorPid = (
      JSON.parse(readFileSync(path.join(stateDir, 'devnet-monitor', 'ready.json'), 'utf8')) as { pid: number }
    ).pid;
    type Reading = { metric: string; chainId: number; note: string };
    let readings: Reading[] = [];
    for (
      let i = 0;
      i < 150 &&
      !readings.some(
        (r) =>
          r.metric === 'relayer_response_time' && r.chainId === b!.chainId && r.note.startsWith('p95 of 1 imports'),
      );
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
      readings = ((await (await fetch(`${monitorUrl}/status`)).json()) as { readings: Reading[] }).readings;
    }
    expect(readings.find((r) => r.metric === 'relayer_response_time' && r.chainId === b!.chainId)?.note).toMatch(
      /^p95 of 1 imports/,
    );

    // Ctrl-C: SIGINT to the whole foreground process group.
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    process.kill(-child.pid!, 'SIGINT');
    const code = await exited;
    expect(code).toBe(0);
    const deadline = Date.now() + 15_000;
    const pids = [...anvilPids, ...relayerPids, monitorPid];
    while (pids.some(alive) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(pids.filter(alive)).toEqual([]);
  }, 240_000);
});

type StatusChain = { chainId: number; delivered: number; deliveredByOther: number; failed: number };
