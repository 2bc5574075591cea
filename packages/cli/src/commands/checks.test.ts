// `pil checks daily` on a devnet with two real relayer services (in process, found the way
// `npm start` leaves them: <stateDir>/devnet-relayers/<i>/ready.json): all clear; one
// relayer service down is a warning and leaves fewer ready than the quorum (critical,
// exit 8); a relayer account under 0.1 ETH is critical and named, and so is the alert the
// (real, in-process) monitor opened for it; a paused chain is critical.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig as parseMonitorConfig } from '../../../../services/monitor/src/config/load.js';
import { devnetMonitorConfig } from '../../../../services/monitor/src/devnet.js';
import { type RunningMonitor, startMonitor } from '../../../../services/monitor/src/service.js';
import { parseConfig } from '../../../../services/relayer/src/config/load.js';
import { devnetRelayerConfigs } from '../../../../services/relayer/src/devnet.js';
import { type RunningRelayer, startRelayerService } from '../../../../services/relayer/src/service.js';
import { devnetRelayerKeys } from '../devnet/accounts.js';
import { useDevnet } from '../test-utils/governance.js';

type Report = {
  ok: boolean;
  findings: { severity: string; check: string; message: string }[];
  relayerServices: { url: string; ready: boolean; reachable: boolean; relayer?: string }[];
  monitor?: { reachable: boolean; open: { key: string; severity: string }[] };
};

describe('pil checks daily', () => {
  const net = useDevnet();
  const running: RunningRelayer[] = [];
  let monitor: RunningMonitor | undefined;
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
    await monitor?.stop();
  });

  const daily = async () => {
    const r = await net().cli(['checks', 'daily', '--json']);
    return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
  };

  it('is clear on a healthy devnet with its relayer services ready', async () => {
    const dir = path.join(net().stateDir, 'deployments', 'devnet');
    const deployments = readdirSync(dir).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    const configs = devnetRelayerConfigs(deployments, path.join(net().stateDir, 'devnet-relayers'));
    for (const i of [0, 1]) {
      const config = parseConfig({ ...configs[i]!, logLevel: 'silent' });
      running.push(await startRelayerService(config, { PRIVATE_KEY: devnetRelayerKeys[i]! }));
    }
    const monitorConfig = devnetMonitorConfig(deployments, path.join(net().stateDir, 'devnet-monitor'));
    monitor = await startMonitor(
      parseMonitorConfig({ ...monitorConfig, intervalMs: 3_600_000, logLevel: 'silent' }),
      {},
    );
    await monitor.tick();
    let checked = await daily();
    for (let t = 0; t < 50 && !checked.report.relayerServices.every((s) => s.ready); t++) {
      await new Promise((r) => setTimeout(r, 200));
      checked = await daily();
    }
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.report.ok).toBe(true);
    expect(checked.report.findings.filter((f) => f.severity === 'critical')).toEqual([]);
    expect(checked.report.monitor).toEqual({ url: monitor.url, reachable: true, open: [] });
    expect(checked.report.relayerServices.map((s) => s.relayer).sort()).toEqual(
      [0, 1].map((i) => privateKeyToAccount(devnetRelayerKeys[i]!).address).sort(),
    );
    const human = await net().cli(['checks', 'daily']);
    expect(human.stdout).toMatch(/3\. relayer services/);
    expect(human.stdout).toMatch(/findings: none|WARNING/);
  }, 120_000);

  it('a relayer service down: a warning, and fewer ready than the quorum is critical (exit 8)', async () => {
    await running.pop()!.stop();
    const { code, report } = await daily();
    expect(code).toBe(8);
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        check: 'relayer services',
        message: expect.stringMatching(/down/),
      }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ severity: 'critical', message: '1 of 2 relayer services ready, quorum is 2' }),
    );
    const human = await net().cli(['checks', 'daily']);
    expect(human.code).toBe(8);
    expect(human.stderr).toMatch(/1 critical finding\(s\)\n.*1 of 2 relayer services ready/);
  }, 60_000);

  it('names a relayer account below 0.1 ETH as critical', async () => {
    const c = net().chains[0]!;
    const poor = privateKeyToAccount(devnetRelayerKeys[2]!).address;
    const before = await c.client.getBalance({ address: poor });
    await c.testClient.setBalance({ address: poor, value: parseEther('0.05') });
    try {
      await monitor!.tick(); // the monitor's round opens its alert
      const { code, report } = await daily();
      expect(code).toBe(8);
      const balance = report.findings.find((f) => f.check === 'balances' && f.severity === 'critical');
      expect(balance?.message).toContain(poor);
      const alert = report.findings.find((f) => f.check === 'alerts' && f.severity === 'critical');
      expect(alert?.message).toMatch(
        new RegExp(`^open since .*Z: Contract / relayer balance 0\\.0500 ETH < 0\\.1 ETH .*${poor}`),
      );
    } finally {
      await c.testClient.setBalance({ address: poor, value: before });
    }
  }, 60_000);

  it('reports a paused chain as critical', async () => {
    const paused = await net().cli(['pause', '--chain', String(net().chains[1]!.chainId)]);
    expect(paused.code, paused.stderr).toBe(0);
    const { code, report } = await daily();
    expect(code).toBe(8);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ severity: 'critical', check: 'contracts', message: expect.stringMatching(/paused/) }),
    );
  }, 60_000);
});
