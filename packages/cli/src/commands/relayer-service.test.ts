// `pil relayer stake|unstake|status|start` against a devnet: stake and unbonding read
// back through `status` on both chains; `start` as a real child process (the way an
// operator runs it) with the key from an encrypted keystore written by Foundry's cast,
// serving /health and /status (also through `status --url`), stopped by SIGINT; a wrong
// keystore password refused without starting or echoing anything secret.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../context.js';
import { devnetRelayerKeys } from '../devnet/accounts.js';
import { useDevnet } from '../test-utils/governance.js';

const bin = path.join(repoRoot, 'packages', 'cli', 'bin', 'pil.mjs');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function pil(argv: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, ...argv], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out, err: () => err, exited };
}

describe('pil relayer stake|unstake|status|start', () => {
  const net = useDevnet();
  const relayer0 = privateKeyToAccount(devnetRelayerKeys[0]!);

  it('stakes and requests unbonding on every chain; status reads both back', async () => {
    const before = JSON.parse((await net().cli(['relayer', 'status', '--devnet-relayer', '0', '--json'])).stdout);
    expect(before.relayer).toBe(relayer0.address);
    expect(before.chains).toHaveLength(2);
    const bonded0 = Number(before.chains[0].bonded);
    expect(bonded0).toBeGreaterThan(0);

    const staked = await net().cli(['relayer', 'stake', '0.5', '--devnet-relayer', '0', '--json']);
    expect(staked.code, staked.stderr).toBe(0);
    expect(JSON.parse(staked.stdout).chains.map((c: { chainId: number }) => c.chainId)).toEqual([31337, 31338]);
    const unstaked = await net().cli(['relayer', 'unstake', '0.25', '--devnet-relayer', '0', '--json']);
    expect(unstaked.code, unstaked.stderr).toBe(0);

    const after = JSON.parse((await net().cli(['relayer', 'status', relayer0.address, '--json'])).stdout);
    for (const c of after.chains) {
      expect(c.admitted).toBe(true);
      expect(Number(c.bonded)).toBeCloseTo(bonded0 + 0.25, 9);
      expect(Number(c.unbonding)).toBeCloseTo(0.25, 9);
    }
    const human = await net().cli(['relayer', 'status', relayer0.address]);
    expect(human.stdout).toMatch(/chain 31337: admitted true, bonded [\d.]+ ETH, unbonding 0\.25 ETH/);
    // Without a key or a devnet relayer, a clear input error.
    const noKey = await net().cli(['relayer', 'stake', '1']);
    expect(noKey.code).toBe(5);
    expect(noKey.stderr).toMatch(/Set PRIVATE_KEY/);
  });

  it('start: runs a relayer from an encrypted keystore until SIGINT; a wrong password is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pil-relayer-start-'));
    const key = devnetRelayerKeys[1]!;
    execFileSync(
      path.join(repoRoot, 'node_modules', '.bin', 'cast'),
      ['wallet', 'import', 'relayer-1', '--private-key', key, '--unsafe-password', 'hunter2', '-k', dir],
      { stdio: 'ignore' },
    );
    const keystore = path.join(dir, 'relayer-1');
    const base = { PIL_STATE_DIR: net().stateDir };

    const wrong = pil(['relayer', 'start', '--network', 'devnet', '--keystore', keystore], {
      ...base,
      RELAYER_KEYSTORE_PASSWORD: 'wrong',
    });
    expect(await wrong.exited).toBe(5);
    expect(wrong.err()).toMatch(/Wrong keystore password/);
    expect(wrong.out() + wrong.err()).not.toContain(key.slice(2));

    const started = pil(['relayer', 'start', '--network', 'devnet', '--json', '--data-dir', path.join(dir, 'db')], {
      ...base,
      RELAYER_KEYSTORE: keystore,
      RELAYER_KEYSTORE_PASSWORD: 'hunter2',
    });
    const deadline = Date.now() + 60_000;
    while (!started.out().includes('"url"')) {
      if (started.child.exitCode !== null) throw new Error(`pil relayer start exited: ${started.err()}`);
      if (Date.now() > deadline) throw new Error(`pil relayer start did not report: ${started.err()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const { address, url } = JSON.parse(started.out()) as { address: string; url: string };
    expect(address).toBe(privateKeyToAccount(key).address);
    const health = (await (await fetch(`${url}/health`)).json()) as { ok: boolean; relayer: string };
    expect(health).toEqual({ ok: true, relayer: address });
    // status --url adds the service's /status to the on-chain view.
    let service: { chains: { chainId: number; lastBlockSeen: number }[] } | undefined;
    for (let i = 0; i < 50; i++) {
      const r = JSON.parse((await net().cli(['relayer', 'status', address, '--url', url, '--json'])).stdout);
      service = r.service;
      if (service?.chains.every((c) => c.lastBlockSeen > 0)) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(service!.chains.map((c) => c.chainId)).toEqual([31337, 31338]);
    expect(service!.chains.every((c) => c.lastBlockSeen > 0)).toBe(true);
    expect(readFileSync(keystore, 'utf8')).not.toContain(key.slice(2));

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
    expect(started.out() + started.err()).not.toContain(key.slice(2));
  }, 120_000);
});
