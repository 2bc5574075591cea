/**
 * Prometheus alerting rules and a Grafana dashboard generated from the metric table
 * (definitions.ts), so a deployment that runs Prometheus + Alertmanager + Grafana over the
 * monitor's /metrics alerts on the same thresholds as the monitor itself. Both are JSON:
 * Grafana imports JSON, and Prometheus reads rule files as YAML, of which JSON is a subset.
 */
import { definitionsWith, type MetricDefinition, type Thresholds } from './definitions.js';

/** The gauges the monitor service exports (service.ts registers them under these names). */
export const READING_METRIC = 'pil_monitor_reading';
export const LEVEL_METRIC = 'pil_monitor_level';

const camel = (id: string) =>
  id
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

function rule(d: MetricDefinition, severity: 'warning' | 'critical') {
  const threshold = severity === 'critical' ? d.critical : d.warning;
  const op = d.bad === 'above' ? '>' : '<';
  return {
    alert: `Pil${camel(d.id)}${severity === 'critical' ? 'Critical' : 'Warning'}`,
    expr: `${READING_METRIC}{metric="${d.id}"} ${op} ${threshold}`,
    for: '1m',
    labels: { severity },
    annotations: {
      summary: `${d.title} {{ $value }} ${d.unit} ${op} ${threshold} ${d.unit} on chain {{ $labels.chain }}{{ if $labels.scope }} ({{ $labels.scope }}){{ end }}`,
      description: d.source,
      runbook: 'docs/RUNBOOK.md, Monitoring & alerts',
    },
  };
}

export function prometheusRules(thresholds: Thresholds = {}) {
  const defs = definitionsWith(thresholds);
  return {
    groups: [
      {
        name: 'pil-runbook-metrics',
        rules: defs.flatMap((d) => [rule(d, 'critical'), rule(d, 'warning')]),
      },
    ],
  };
}

export function grafanaDashboard(thresholds: Thresholds = {}) {
  const defs = definitionsWith(thresholds);
  return {
    title: 'PIL: runbook metrics',
    uid: 'pil-runbook-metrics',
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    refresh: '30s',
    panels: defs.map((d, i) => {
      // Grafana colours a value by the highest step it reaches.
      const steps =
        d.bad === 'above'
          ? [
              { color: 'green', value: null },
              { color: 'yellow', value: d.warning },
              { color: 'red', value: d.critical },
            ]
          : [
              { color: 'red', value: null },
              { color: 'yellow', value: d.critical },
              { color: 'green', value: d.warning },
            ];
      return {
        id: i + 1,
        type: 'timeseries',
        title: `${d.title} (${d.unit})`,
        description: d.source,
        gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
        targets: [{ refId: 'A', expr: `${READING_METRIC}{metric="${d.id}"}`, legendFormat: '{{chain}} {{scope}}' }],
        fieldConfig: {
          defaults: { thresholds: { mode: 'absolute', steps }, custom: { thresholdsStyle: { mode: 'line' } } },
          overrides: [],
        },
      };
    }),
  };
}
