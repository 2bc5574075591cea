// Governance after `devnet up` and the read-only procedures: who holds what
// (pil roles; no EOA holds an admin role; the deployer holds nothing), the
// runbook appendix's cast lines, pil health, pil balances against the
// thresholds, pil security-check, and their exit code 8 when something is wrong.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Address, encodeFunctionData, keccak256, parseAbi, parseEther, toBytes, zeroAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../context.js';
import { devnetDeployerKey } from '../devnet/accounts.js';
import { devnetOwnerKeys, EMERGENCY_DELAY, pilRoles, roleHolders, STANDARD_DELAY } from '../governance/layout.js';
import { asGovernance, useDevnet } from '../test-utils/governance.js';
import { runCli } from '../test-utils/run.js';

const cast = path.join(repoRoot, 'node_modules', '.bin', 'cast');
const roleId = (name: string): `0x${string}` =>
  name === 'DEFAULT_ADMIN_ROLE' ? `0x${'00'.repeat(32)}` : keccak256(toBytes(name));
const accessAbi = parseAbi([
  'function hasRole(bytes32,address) view returns (bool)',
  'function grantRole(bytes32,address)',
]);

describe('governance on the devnet', () => {
  const net = useDevnet();
  let snapshots: `0x${string}`[] = [];
  beforeEach(async () => {
    snapshots = await Promise.all(net().chains.map((c) => c.testClient.snapshot()));
  });
  afterEach(async () => {
    await Promise.all(net().chains.map((c, i) => c.testClient.revert({ id: snapshots[i]! })));
  });

  it('puts every role where protocol §8 says; the deployer and every EOA hold nothing (checked with hasRole)', async () => {
    const deployer = privateKeyToAccount(devnetDeployerKey).address;
    for (const c of net().chains) {
      const g = c.governance;
      expect(g.owners).toEqual(devnetOwnerKeys.map((k) => privateKeyToAccount(k).address));
      expect(g.threshold).toBe(2);
      for (const [id, entry] of Object.entries(c.deployment.contracts)) {
        for (const role of pilRoles) {
          const holder = g[roleHolders[role]] as Address;
          const has = (a: Address) =>
            c.client.readContract({
              address: entry!.proxy,
              abi: accessAbi,
              functionName: 'hasRole',
              args: [roleId(role), a],
            });
          expect(await has(holder), `${id} ${role}`).toBe(true);
          expect(await has(deployer), `${id} ${role} deployer`).toBe(false);
          for (const owner of g.owners) expect(await has(owner as Address)).toBe(false);
        }
        expect(entry!.roles.GUARDIAN_ROLE).toEqual([g.safe]);
      }
    }
  });

  it('pil roles lists every holder and flags no EOA; exit 8 and a CRITICAL line once an EOA gets an admin role', async () => {
    const ok = await net().cli(['roles', '--json']);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.ok).toBe(true);
    const c0 = report.chains[0];
    expect(c0.findings).toEqual([]);
    const holders = c0.entries.flatMap((e: { holders: { kind: string; label: string }[] }) => e.holders);
    expect(holders.every((h: { kind: string }) => h.kind !== 'EOA')).toBe(true);
    const timelockRoles = c0.entries.filter((e: { contract: string }) => e.contract === 'StandardTimelock');
    expect(timelockRoles.map((e: { role: string }) => e.role).sort()).toEqual([
      'CANCELLER_ROLE',
      'DEFAULT_ADMIN_ROLE',
      'EXECUTOR_ROLE',
      'PROPOSER_ROLE',
    ]);
    expect(timelockRoles.find((e: { role: string }) => e.role === 'EXECUTOR_ROLE').holders[0]).toMatchObject({
      address: zeroAddress,
      kind: 'open',
    });

    // An EOA becomes upgrader (as the 48 h timelock would do it): flagged.
    const c = net().chains[0]!;
    const eoa = privateKeyToAccount(devnetOwnerKeys[2]!).address;
    await asGovernance(c, 'standardTimelock', async (client, account) => {
      const hash = await client.wallet!.sendTransaction({
        account,
        chain: c.chain,
        to: c.deployment.contracts.pc3!.proxy,
        data: encodeFunctionData({ abi: accessAbi, functionName: 'grantRole', args: [roleId('UPGRADER_ROLE'), eoa] }),
      });
      await c.client.waitForTransactionReceipt({ hash });
    });
    const bad = await net().cli(['roles']);
    expect(bad.code).toBe(8);
    expect(bad.stdout).toMatch(
      new RegExp(`CRITICAL devnet-31337: EOA ${eoa} holds UPGRADER_ROLE on ProofCarryingContainer`),
    );
    const check = await net().cli(['security-check', '--json']);
    expect(check.code).toBe(8);
    const sc = JSON.parse(check.stdout);
    expect(sc.ok).toBe(false);
    expect(sc.chains[0].checks.find((x: { check: string }) => x.check.startsWith('roles')).status).toBe('fail');
    expect(sc.chains[1].checks.every((x: { status: string }) => x.status !== 'fail')).toBe(true);
  });

  it("answers the runbook appendix's cast lines against devnet addresses", async () => {
    const c = net().chains[0]!;
    const orchestrator = c.deployment.contracts.orchestrator!.proxy;
    const run = (args: string[]) =>
      execFileSync(cast, [...args, '--rpc-url', c.rpcUrl])
        .toString()
        .trim();
    expect(run(['call', orchestrator, 'isPaused()(bool)'])).toBe('false');
    const guardian = keccak256(toBytes('GUARDIAN_ROLE'));
    expect(run(['call', orchestrator, 'hasRole(bytes32,address)(bool)', guardian, c.governance.safe])).toBe('true');
    const admin = `0x${'00'.repeat(32)}`;
    expect(run(['call', orchestrator, 'hasRole(bytes32,address)(bool)', admin, c.governance.standardTimelock])).toBe(
      'true',
    );
    expect(run(['call', orchestrator, 'hasRole(bytes32,address)(bool)', admin, c.deployment.deployer])).toBe('false');
  });

  it('pil health shows contract states, implementations, governance; pil security-check passes', async () => {
    const r = await net().cli(['health', '--json']);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.stdout);
    expect(h.ok).toBe(true);
    for (const ch of h.chains) {
      expect(ch.paused).toBe(false);
      expect(ch.contracts).toHaveLength(8);
      for (const k of ch.contracts) {
        expect(k.implementationChanged).toBe(false);
        expect(k.implementation).toMatch(/^0x[0-9a-fA-F]{40}$/);
      }
      expect(ch.relayers).toMatchObject({ quorum: '2', active: '3', belowQuorum: false });
      expect(ch.governance).toMatchObject({
        threshold: 2,
        standardDelay: String(STANDARD_DELAY),
        emergencyDelay: String(EMERGENCY_DELAY),
      });
      expect(ch.version).toMatch(/^\d+\.\d+\.\d+/);
    }
    const human = await net().cli(['health']);
    expect(human.stdout).toMatch(/roles: as protocol §8 says/);
    const sc = await net().cli(['security-check']);
    expect(sc.code).toBe(0);
    expect(sc.stdout).toMatch(/all checks passed/);
  });

  it('pil balances applies the runbook thresholds (warning < 1 ETH, critical < 0.1 ETH, exit 8)', async () => {
    const ok = await net().cli(['balances', '--json']);
    expect(ok.code).toBe(0);
    const b = JSON.parse(ok.stdout);
    expect(b.ok).toBe(true);
    const hub = b.chains[0].entries.find((e: { name: string }) => e.name === 'CrossChainProofHub');
    expect(hub).toMatchObject({ level: 'ok', eth: '10' });
    expect(b.chains[0].entries.filter((e: { kind: string }) => e.kind === 'relayer')).toHaveLength(3);

    const c = net().chains[0]!;
    const relayer = c.deployment.relayers!.accounts[0]!;
    await c.testClient.setBalance({ address: relayer, value: parseEther('0.5') });
    const warn = JSON.parse((await net().cli(['balances', '--json'])).stdout);
    expect(warn.chains[0].entries.find((e: { address: string }) => e.address === relayer).level).toBe('warning');
    expect(warn.ok).toBe(true);

    await c.testClient.setBalance({ address: c.deployment.contracts.proofHub!.proxy, value: parseEther('0.05') });
    const crit = await net().cli(['balances']);
    expect(crit.code).toBe(8);
    expect(crit.stdout).toMatch(/CrossChainProofHub\s+0x[0-9a-fA-F]{40}\s+0\.05\s+CRITICAL/);
    expect(crit.stdout).toMatch(/0\.5\s+WARNING/);
    expect(crit.stderr).toMatch(/1 balance\(s\) below 0\.1 ETH/);
  });

  it('pil decode decodes a Safe transaction down to the PIL call, offline', async () => {
    const c = net().chains[0]!;
    const scheduled = JSON.parse((await net().cli(['unpause', '--chain', '31337', '--propose-only', '--json'])).stdout);
    const file = scheduled.chains[0].safe.file as string;
    const pending = JSON.parse(readFileSync(file, 'utf8'));
    // A devnet-less run: no --network, nothing to connect to.
    const r = await runCli(['decode', pending.tx.data, '--to', c.governance.emergencyTimelock, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ kind: 'call', contract: 'TimelockController', function: 'schedule' });
    expect(d.inner[0]).toMatchObject({ contract: 'PILv2Orchestrator', function: 'unpause' });
    const err = await runCli([
      'decode',
      '0x6ceec0a3000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000002',
    ]);
    expect(err.code).toBe(5);
  });
});
