// `pil monitor status`: the runbook's metric table evaluated now on every chain of the
// network (services/monitor): value, level and how it was measured; exit 8 on a critical
// reading. The monitor service (`pil monitor run`) evaluates the same way on a timer
// and routes the alerts.

import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig as loadMonitorConfig } from '../../../../services/monitor/src/config/load.js';
import { METRICS } from '../../../../services/monitor/src/metrics/definitions.js';
import { evaluate } from '../../../../services/monitor/src/metrics/evaluate.js';
import { grafanaDashboard, prometheusRules } from '../../../../services/monitor/src/metrics/export.js';
import { deploymentOf } from '../deployments/store.js';
import { CheckFailedError } from '../errors.js';
import { writeJsonAtomic } from '../files.js';
import { parsePositiveInt, selectChains } from '../governance/cli.js';
import { pilClient } from '../governance/client.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

export function registerMonitorCommands(program: Command, rt: Runtime): void {
  const monitor = program.command('monitor').description("the runbook's metrics against their thresholds");
  withExamples(
    monitor
      .command('status')
      .description(
        'evaluate every metric of the runbook table now (creation rate, failed transactions, gas, proof verification time, balances, relayer response time); exit 8 on a critical reading',
      )
      .option('--chain <id|name>', 'one chain only')
      .option('--window <blocks>', 'how many recent blocks to read', parsePositiveInt('--window'), 200)
      .action(async (opts: { chain?: string; window: number }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const selected = selectChains(ctx, opts.chain);
        // Every chain of the network is read (imports need their source chain's exports);
        // readings are reported for the selected ones.
        const result = await evaluate(
          ctx.chains.map((c) => ({
            name: c.config.name,
            client: pilClient(ctx, c, { fromBlock: BigInt(deploymentOf(ctx, c.config.chainId)?.deploymentBlock ?? 0) }),
          })),
          { windowBlocks: opts.window },
        );
        const ids = new Set(selected.map((c) => c.config.chainId));
        const readings = result.readings.filter((r) => ids.has(r.chainId));
        const alerts = result.alerts.filter((a) => a.chainId !== undefined && ids.has(a.chainId));
        const unit = new Map(METRICS.map((m) => [m.id, m.unit]));
        const title = new Map(METRICS.map((m) => [m.id, m.title]));
        ctx.output.result({ network: ctx.network.name, at: result.at, readings, alerts }, () =>
          [
            table(
              ['metric', 'chain', 'value', 'level', 'how'],
              readings.map((r) => [
                `${title.get(r.metric)}${r.scope ? ` ${r.scope}` : ''}`,
                r.chain,
                r.value === undefined ? '-' : `${Number(r.value.toPrecision(4))} ${unit.get(r.metric)}`,
                r.level === 'ok' || r.level === 'no data' ? r.level : r.level.toUpperCase(),
                r.note,
              ]),
            ),
            alerts.length ? alerts.map((a) => `${a.severity.toUpperCase()}: ${a.summary}`).join('\n') : 'alerts: none',
          ].join('\n\n'),
        );
        const critical = alerts.filter((a) => a.severity === 'critical');
        if (critical.length) {
          throw new CheckFailedError(`${critical.length} critical reading(s)`, {
            details: critical.map((a) => a.summary).join('\n'),
          });
        }
      }),
    ['pil monitor status --network devnet', 'pil monitor status --network mainnet --window 1000 --json'],
  );

  withExamples(
    monitor
      .command('export')
      .description(
        "Prometheus alerting rules and a Grafana dashboard from the metric table (the monitor's thresholds, or a monitor config's), for Prometheus + Alertmanager + Grafana over the monitor's /metrics",
      )
      .requiredOption('--out <dir>', 'writes pil-monitor.rules.yml and pil-monitor.dashboard.json there')
      .option('--monitor-config <file>', "take the thresholds from a monitor config's `thresholds`")
      .action(async (opts: { out: string; monitorConfig?: string }, cmd: Command) => {
        const ctx = rt.base(cmd);
        const thresholds = opts.monitorConfig ? loadMonitorConfig(opts.monitorConfig).thresholds : {};
        const rules = path.join(opts.out, 'pil-monitor.rules.yml');
        const dashboard = path.join(opts.out, 'pil-monitor.dashboard.json');
        writeJsonAtomic(rules, prometheusRules(thresholds));
        writeJsonAtomic(dashboard, grafanaDashboard(thresholds));
        ctx.output.result({ rules, dashboard }, () => `Prometheus rules: ${rules}\nGrafana dashboard: ${dashboard}`);
      }),
    [
      'pil monitor export --out deploy/monitoring',
      'pil monitor export --out deploy/monitoring --monitor-config monitor.json',
    ],
  );
}
