// `pil monitor status` on a devnet: every metric of the runbook table is reported for
// both chains; a relayer account drained below 0.1 ETH makes it critical (exit 8).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../../services/monitor/src/metrics/definitions.js';
import { devnetRelayerKeys } from '../devnet/accounts.js';
import { useDevnet } from '../test-utils/governance.js';

type Status = {
  readings: { metric: string; chainId: number; scope?: string; level: string; value?: number }[];
  alerts: { key: string; severity: string; summary: string }[];
};

describe('pil monitor status', () => {
  const net = useDevnet();

  it('reports every metric on every chain; a drained relayer is critical (exit 8)', async () => {
    const ok = await net().cli(['monitor', 'status', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const status = JSON.parse(ok.stdout) as Status;
    for (const c of net().chains) {
      const metrics = new Set(status.readings.filter((r) => r.chainId === c.chainId).map((r) => r.metric));
      expect([...metrics].sort()).toEqual(METRICS.map((m) => m.id).sort());
    }
    expect(status.alerts.filter((a) => a.severity === 'critical')).toEqual([]);

    const c = net().chains[1]!;
    const poor = privateKeyToAccount(devnetRelayerKeys[0]!).address;
    const before = await c.client.getBalance({ address: poor });
    await c.testClient.setBalance({ address: poor, value: parseEther('0.01') });
    try {
      const bad = await net().cli(['monitor', 'status', '--chain', String(c.chainId), '--json']);
      expect(bad.code).toBe(8);
      const drained = JSON.parse(bad.stdout) as Status;
      expect(drained.readings.every((r) => r.chainId === c.chainId)).toBe(true);
      expect(drained.alerts).toContainEqual(
        expect.objectContaining({ key: `balance:${c.chainId}:${poor.toLowerCase()}`, severity: 'critical' }),
      );
      const human = await net().cli(['monitor', 'status', '--chain', String(c.chainId)]);
      expect(human.code).toBe(8);
      expect(human.stdout).toMatch(/CRITICAL: Contract \/ relayer balance 0\.0100 ETH < 0\.1 ETH/);
      expect(human.stderr).toMatch(/1 critical reading/);
    } finally {
      await c.testClient.setBalance({ address: poor, value: before });
    }
  }, 120_000);

  it('export writes the Prometheus rules and the Grafana dashboard, with the thresholds of a config', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'pil-monitoring-'));
    const config = path.join(out, 'monitor.json');
    writeFileSync(
      config,
      JSON.stringify({
        chains: [{ chainId: 1, rpcUrl: 'http://127.0.0.1:9', addresses: {} }],
        stateDir: out,
        thresholds: { average_gas: { warning: 600_000 } },
      }),
    );
    const r = await net().cli(['monitor', 'export', '--out', out, '--monitor-config', config]);
    expect(r.code, r.stderr).toBe(0);
    const rules = JSON.parse(readFileSync(path.join(out, 'pil-monitor.rules.yml'), 'utf8'));
    expect(rules.groups[0].rules.find((x: { alert: string }) => x.alert === 'PilAverageGasWarning').expr).toBe(
      'pil_monitor_reading{metric="average_gas"} > 600000',
    );
    const dashboard = JSON.parse(readFileSync(path.join(out, 'pil-monitor.dashboard.json'), 'utf8'));
    expect(dashboard.panels).toHaveLength(METRICS.length);
  });
});
