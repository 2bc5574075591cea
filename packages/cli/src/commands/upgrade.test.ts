// UP-001 end to end on a devnet: an incompatible implementation is refused
// before anything is deployed or proposed; a V2 (appended namespace, version 2)
// is prepared (deployed, verification bundle), proposed on the 48 h timelock,
// refused early, executed after the warp and verified (slot, version, state
// preserved, smoke calls).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAbi } from 'viem';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../context.js';
import { useDevnet } from '../test-utils/governance.js';

const json = (s: string): unknown => JSON.parse(s);
const bad = path.join(repoRoot, 'contracts', 'test', 'upgrade', `.PolicyBoundProofsBad${process.pid}.sol`);

describe('UP-001 pil upgrade', () => {
  const net = useDevnet({ chainIds: [31337] });
  afterAll(() => rmSync(bad, { force: true }));

  it('refuses an incompatible layout with nothing deployed or proposed', async () => {
    // A copy of PolicyBoundProofs that inserts a field before the existing one in its namespace.
    const src = readFileSync(path.join(repoRoot, 'contracts', 'src', 'core', 'PolicyBoundProofs.sol'), 'utf8')
      .replaceAll('"../', '"../../src/')
      .replace('struct PolicyBoundProofsStorage {', 'struct PolicyBoundProofsStorage {\n        uint256 inserted;');
    writeFileSync(bad, src);
    const c = net().chains[0]!;
    const nonce = await c.client.getTransactionCount({ address: c.deployment.deployer });
    const ops = (await net().cli(['pending-ops', '--json'])).stdout;
    const r = await net().cli(['upgrade', 'prepare', 'pbp', '--source', `${bad}:PolicyBoundProofs`]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/Incompatible storage layout.*nothing was deployed or proposed/);
    expect(r.stderr).toMatch(/inserted/i);
    expect(await c.client.getTransactionCount({ address: c.deployment.deployer })).toBe(nonce);
    expect((await net().cli(['pending-ops', '--json'])).stdout).toBe(ops);
    expect((await net().cli(['upgrade', 'propose', 'pbp'])).code).toBe(5); // nothing prepared
    expect((await net().cli(['upgrade', 'prepare', 'nope'])).code).toBe(5);
  }, 120_000);

  it('prepares, proposes, executes after 48 h and verifies a V2', async () => {
    const c = net().chains[0]!;
    const prep = await net().cli([
      'upgrade',
      'prepare',
      'pbp',
      '--source',
      path.join(repoRoot, 'contracts/test/upgrade/PolicyBoundProofsV2.sol'),
      '--json',
    ]);
    expect(prep.code, prep.stderr).toBe(0);
    const prepared = json(prep.stdout) as {
      chains: { implementation: `0x${string}`; bundle: string }[];
      layout: { ok: boolean };
    };
    expect(prepared.layout.ok).toBe(true);
    const { implementation, bundle } = prepared.chains[0]!;
    const b = JSON.parse(readFileSync(bundle, 'utf8'));
    expect(b.compilerVersion).toMatch(/^v0\.8\.\d+\+commit\.[0-9a-f]+$/);
    expect(b.contractName).toBe('test/upgrade/PolicyBoundProofsV2.sol:PolicyBoundProofsV2');
    expect(b.constructorArguments).toBe('0x');
    expect(Object.keys(b.standardJsonInput.sources)).toContain('src/core/PolicyBoundProofs.sol');
    expect(b.standardJsonInput.settings.optimizer).toEqual({ enabled: true, runs: 200 });

    const propose = await net().cli(['upgrade', 'propose', 'pbp', '--json']);
    expect(propose.code, propose.stderr).toBe(0);
    expect((json(propose.stdout) as { chains: { to: string }[] }).chains[0]!.to).toBe(implementation);
    const early = await net().cli(['upgrade', 'execute', 'pbp']);
    expect(early.code).toBe(5);
    expect(early.stderr).toMatch(/not ready.*pil devnet warp 48h/s);
    const before = await net().cli(['upgrade', 'verify', 'pbp', '--json']);
    expect(before.code).toBe(8); // not upgraded yet
    await net().warp(48 * 3600);
    const exec = await net().cli(['upgrade', 'execute', 'pbp']);
    expect(exec.code, exec.stderr).toBe(0);
    const verify = await net().cli(['upgrade', 'verify', 'pbp', '--json']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const checks = (json(verify.stdout) as { chains: { checks: { check: string; ok: boolean; detail: string }[] }[] })
      .chains[0]!.checks;
    expect(checks.map((x) => x.check)).toEqual(
      expect.arrayContaining(['implementation slot', 'version()', 'isPaused()']),
    );
    expect(checks.find((x) => x.check === 'version()')!.detail).toBe('2');
    expect(checks.find((x) => x.check.startsWith('state preserved'))!.ok).toBe(true);
    const v = await c.client.readContract({
      address: c.deployment.contracts.pbp!.proxy,
      abi: parseAbi(['function version() view returns (uint256)']),
      functionName: 'version',
    });
    expect(v).toBe(2n);
    const health = await net().cli(['health', '--json']);
    expect(health.stdout.toLowerCase()).toContain(implementation.toLowerCase());
  }, 180_000);
});
