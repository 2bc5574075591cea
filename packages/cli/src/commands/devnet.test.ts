// `pil devnet up` as a real child process: the way `npm start` runs it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createPublicClient, http, parseAbi } from 'viem';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../context.js';
import { DEVNET_RELAYER_QUORUM } from '../devnet/accounts.js';
import { circuits } from '../devnet/wire.js';
import { tempStateDir } from '../test-utils/run.js';

const abi = parseAbi([
  'function isPaused() view returns (bool)',
  'function orchestrator() view returns (address)',
  'struct VerifierEntry { address verifier; uint8 publicInputs; bytes32 vkHash; }',
  'function verifierOf(bytes32) view returns (VerifierEntry)',
  'function isActive(uint256) view returns (bool)',
  'function activeCount() view returns (uint256)',
  'function quorum() view returns (uint256)',
  'function remoteHub(uint256) view returns (address)',
]);

type Started = { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> };

function start(script: string[], stateDir: string): Started {
  const child = spawn(process.execPath, script, {
    cwd: repoRoot,
    env: { ...process.env, PIL_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitFor(started: Started, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(started.stdout())) {
    if (started.child.exitCode !== null) throw new Error(`pil exited ${started.child.exitCode}:\n${started.stderr()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${started.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const running: Started[] = [];
afterAll(() => {
  for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
});

describe.runIf(existsSync(path.join(repoRoot, 'contracts', 'out')))('pil devnet up', () => {
  it('deploys PIL on two chains, prints the table, and stops every anvil on SIGINT', async () => {
    const stateDir = tempStateDir();
    const started = Date.now();
    const devnet = start(['scripts/start.mjs'], stateDir);
    running.push(devnet);
    await waitFor(devnet, /Press Ctrl-C to stop/);
    const readySeconds = (Date.now() - started) / 1000;
    expect(readySeconds).toBeLessThan(20);

    const out = devnet.stdout();
    expect(out).toMatch(/chain\s+RPC URL\s+contract\s+address/);
    const pids = [...devnet.stderr().matchAll(/anvil pid (\d+)/g)].map((m) => Number(m[1]));
    expect(pids).toHaveLength(2);

    for (const chainId of [31337, 31338]) {
      const file = path.join(stateDir, 'deployments', 'devnet', `${chainId}.json`);
      expect(existsSync(file), file).toBe(true);
      const d = JSON.parse(readFileSync(file, 'utf8'));
      expect(d).toMatchObject({ format: 1, network: 'devnet', chainId });
      expect(out).toContain(d.rpcUrl);
      expect(out).toMatch(new RegExp(`orchestrator\\s+${d.contracts.orchestrator.proxy}`));
      for (const id of [
        'orchestrator',
        'pc3',
        'pbp',
        'easc',
        'cdna',
        'verifierRegistry',
        'proofHub',
        'relayerRegistry',
      ]) {
        expect(d.contracts[id]?.proxy, id).toMatch(/^0x[0-9a-fA-F]{40}$/);
        // After the hand-over (ADR 0008) the 48 h timelock is the admin and the deployer holds nothing.
        expect(d.contracts[id].roles.DEFAULT_ADMIN_ROLE).toEqual([d.governance.standardTimelock]);
        expect(Object.values(d.contracts[id].roles).flat()).not.toContain(d.deployer);
      }
      expect(d.libraries.PoseidonT3).toBe('0x3333333C0A88F9BE4fd23ed0536F9B6c427e3B93');

      const client = createPublicClient({ transport: http(d.rpcUrl) });
      expect(await client.getChainId()).toBe(chainId);
      const orchestrator = d.contracts.orchestrator.proxy;
      expect(await client.readContract({ address: orchestrator, abi, functionName: 'isPaused' })).toBe(false);
      for (const id of ['pc3', 'pbp', 'easc', 'cdna', 'verifierRegistry', 'proofHub', 'relayerRegistry']) {
        const address = d.contracts[id].proxy;
        expect(await client.readContract({ address, abi, functionName: 'orchestrator' }), id).toBe(orchestrator);
        expect(await client.readContract({ address, abi, functionName: 'isPaused' }), id).toBe(false);
      }
      // The runbook's appendix call.
      const cast = execFileSync(
        path.join(repoRoot, 'node_modules', '.bin', 'cast'),
        ['call', orchestrator, 'isPaused()(bool)', '--rpc-url', d.rpcUrl],
        { encoding: 'utf8' },
      );
      expect(cast.trim()).toBe('false');

      // Wiring: verifiers with the committed keys' vkHash, the default policy, the relayer set, peer hubs.
      for (const { circuit, id } of circuits) {
        const info = JSON.parse(readFileSync(path.join(repoRoot, 'circuits', 'keys', circuit, 'info.json'), 'utf8'));
        const entry = await client.readContract({
          address: d.contracts.verifierRegistry.proxy,
          abi,
          functionName: 'verifierOf',
          args: [id],
        });
        expect(entry.vkHash).toBe(info.vkHash);
        expect(entry.verifier).not.toBe('0x0000000000000000000000000000000000000000');
      }
      const policy = d.policies['pil.devnet.default'];
      expect(
        await client.readContract({
          address: d.contracts.pbp.proxy,
          abi,
          functionName: 'isActive',
          args: [BigInt(policy.policyHash)],
        }),
      ).toBe(true);
      const registry = d.contracts.relayerRegistry.proxy;
      expect(await client.readContract({ address: registry, abi, functionName: 'activeCount' })).toBe(3n);
      expect(await client.readContract({ address: registry, abi, functionName: 'quorum' })).toBe(
        BigInt(DEVNET_RELAYER_QUORUM),
      );
      const peer = chainId === 31337 ? 31338 : 31337;
      const peerHub = JSON.parse(readFileSync(path.join(stateDir, 'deployments', 'devnet', `${peer}.json`), 'utf8'))
        .contracts.proofHub.proxy;
      expect(
        await client.readContract({
          address: d.contracts.proofHub.proxy,
          abi,
          functionName: 'remoteHub',
          args: [BigInt(peer)],
        }),
      ).toBe(peerHub);
    }

    devnet.child.kill('SIGINT');
    expect(await devnet.exited).toBe(0);
    for (const pid of pids) expect(alive(pid), `anvil ${pid}`).toBe(false);
  }, 120_000);

  it('prints one JSON document under --json and stops on SIGTERM', async () => {
    const stateDir = tempStateDir();
    const devnet = start(
      ['packages/cli/bin/pil.mjs', 'devnet', 'up', '--json', '--chain-ids', '31337,31338'],
      stateDir,
    );
    running.push(devnet);
    await waitFor(devnet, /"status":"ready"/);
    const doc = JSON.parse(devnet.stdout().trim());
    expect(doc).toMatchObject({ status: 'ready', network: 'devnet' });
    expect(doc.chains.map((c: { chainId: number }) => c.chainId)).toEqual([31337, 31338]);
    expect(doc.chains[0].wiring.every((s: { status: string }) => s.status === 'done')).toBe(true);
    expect(doc.chains[0].missing).toEqual([]);
    devnet.child.kill('SIGTERM');
    expect(await devnet.exited).toBe(0);
    for (const c of doc.chains as { pid: number }[]) expect(alive(c.pid)).toBe(false);
  }, 120_000);
});
