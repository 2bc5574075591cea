// The Prometheus rules and the Grafana dashboard say what the monitor says: one rule per
// metric and severity with the table's threshold and direction (overrides applied), over
// the gauge the service really exports; a panel per metric with the same thresholds.
import { describe, expect, it } from 'vitest';
import { METRICS } from './definitions.js';
import { grafanaDashboard, prometheusRules, READING_METRIC } from './export.js';

describe('monitoring exports', () => {
  it('one Prometheus rule per metric and severity, with the thresholds and directions of the table', () => {
    const { groups } = prometheusRules({ failed_transactions: { critical: 10 } });
    const rules = groups[0]!.rules;
    expect(rules).toHaveLength(2 * METRICS.length);
    const byName = new Map(rules.map((r) => [r.alert, r]));
    expect(byName.get('PilFailedTransactionsCritical')).toMatchObject({
      expr: `${READING_METRIC}{metric="failed_transactions"} > 10`,
      labels: { severity: 'critical' },
    });
    expect(byName.get('PilFailedTransactionsWarning')!.expr).toBe(
      `${READING_METRIC}{metric="failed_transactions"} > 1`,
    );
    expect(byName.get('PilBalanceCritical')!.expr).toBe(`${READING_METRIC}{metric="balance"} < 0.1`);
    expect(byName.get('PilRelayerResponseTimeWarning')!.expr).toBe(
      `${READING_METRIC}{metric="relayer_response_time"} > 5`,
    );
    // JSON is YAML: the rules file round-trips through JSON unchanged.
    expect(JSON.parse(JSON.stringify({ groups }))).toEqual({ groups });
  });

  it('a Grafana panel per metric, coloured at the same thresholds', () => {
    const d = grafanaDashboard();
    expect(d.panels.map((p) => p.targets[0]!.expr)).toEqual(METRICS.map((m) => `${READING_METRIC}{metric="${m.id}"}`));
    const gas = d.panels.find((p) => p.title.startsWith('Average gas usage'))!;
    expect(gas.fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 500_000, 1_000_000]);
    const balance = d.panels.find((p) => p.title.startsWith('Contract / relayer balance'))!;
    expect(balance.fieldConfig.defaults.thresholds.steps).toEqual([
      { color: 'red', value: null },
      { color: 'yellow', value: 0.1 },
      { color: 'green', value: 1 },
    ]);
  });
});
