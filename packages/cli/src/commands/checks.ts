// `pil checks daily`: the runbook's daily routine in one command (ops/checks.ts);
// exit 8 on a critical finding. `pil checks weekly`: the weekly review (ops/weekly.ts):
// volume per day, gas per operation, error patterns, the admin audit log; exit 8 when the
// share of reverted PIL transactions is above the monitor's critical threshold.
// Monthly checks are not built yet.
import type { Command } from 'commander';
import { METRICS } from '../../../../services/monitor/src/metrics/definitions.js';
import { deploymentOf } from '../deployments/store.js';
import { CheckFailedError } from '../errors.js';
import { parsePositiveInt, perChain, selectChains } from '../governance/cli.js';
import { dailyChecks } from '../ops/checks.js';
import { weeklyChain } from '../ops/weekly.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';
import { formatBalances, formatHealth } from './health.js';

const collect = (v: string, acc: string[]) => [...acc, v];

export function registerChecksCommands(program: Command, rt: Runtime): void {
  const checks = program.command('checks').description('routine maintenance checks of the runbook');
  withExamples(
    checks
      .command('daily')
      .description(
        'contract states, relayer set, governance and roles, gas reserves, block height and pause state of every chain, the relayer services and the open alerts (exit 8 on a critical finding)',
      )
      .option('--chain <id|name>', 'one chain only')
      .option(
        '--relayer-url <url>',
        'a relayer service to ask for /health and /ready (repeatable; default on the devnet: the relayers `npm start` runs)',
        collect,
        [],
      )
      .option(
        '--monitor-url <url>',
        'the monitor service, for its open alerts (default on the devnet: the one `npm start` runs)',
      )
      .action(async (opts: { chain?: string; relayerUrl: string[]; monitorUrl?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const report = await dailyChecks(ctx, {
          ...(opts.chain ? { chain: opts.chain } : {}),
          relayerUrls: opts.relayerUrl,
          ...(opts.monitorUrl ? { monitorUrl: opts.monitorUrl } : {}),
        });
        ctx.output.result(report, () =>
          [
            '1. contracts, relayer set, governance',
            report.health.map(formatHealth).join('\n\n'),
            '2. gas reserves (warning < 1 ETH, critical < 0.1 ETH)',
            report.balances.map(formatBalances).join('\n\n'),
            '3. relayer services',
            report.relayerServices.length
              ? table(
                  ['service', 'relayer', 'up', 'ready', 'why not'],
                  report.relayerServices.map((s) => [
                    s.url,
                    s.relayer ?? '',
                    s.reachable ? 'yes' : 'NO',
                    s.ready ? 'yes' : 'NO',
                    s.reasons.join('; '),
                  ]),
                )
              : 'none known (pass --relayer-url)',
            '4. open alerts (monitor)',
            !report.monitor
              ? 'no monitor known (pass --monitor-url)'
              : !report.monitor.reachable
                ? `the monitor at ${report.monitor.url} does not answer`
                : report.monitor.open.length
                  ? report.monitor.open.map((a) => `${a.severity.toUpperCase()}: ${a.summary}`).join('\n')
                  : 'none',
            report.findings.length
              ? `findings:\n${report.findings.map((f) => `${f.severity.toUpperCase()} [${f.check}] ${f.message}`).join('\n')}`
              : 'findings: none',
          ].join('\n\n'),
        );
        const critical = report.findings.filter((f) => f.severity === 'critical');
        if (critical.length) {
          throw new CheckFailedError(`${critical.length} critical finding(s)`, {
            details: critical.map((f) => f.message).join('\n'),
          });
        }
      }),
    [
      'pil checks daily --network devnet',
      'pil checks daily --network mainnet --relayer-url https://relayer-1.example --json',
    ],
  );

  withExamples(
    checks
      .command('weekly')
      .description(
        'the weekly review over the last days of block time: volume per day, gas per operation, reverted transactions by error, the admin audit log (roles, upgrades, timelock operations, Safe executions, pauses, policies, verifiers, relayers); exit 8 when the revert share is critical',
      )
      .option('--chain <id|name>', 'one chain only')
      .option('--days <n>', 'how many days back', parsePositiveInt('--days'), 7)
      .option('--sample <n>', 'receipts read per operation for the gas figures', parsePositiveInt('--sample'), 50)
      .action(async (opts: { chain?: string; days: number; sample: number }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const chains = await perChain(selectChains(ctx, opts.chain), (chain) =>
          weeklyChain(ctx, chain, {
            days: opts.days,
            sample: opts.sample,
            deploymentBlock: BigInt(deploymentOf(ctx, chain.config.chainId)?.deploymentBlock ?? 0),
          }),
        );
        const failedDef = METRICS.find((m) => m.id === 'failed_transactions')!;
        const critical = chains
          .filter((c) => c.sent > 0 && (100 * c.failed) / c.sent > failedDef.critical)
          .map((c) => `${c.chain}: ${c.failed} of ${c.sent} PIL transactions reverted (> ${failedDef.critical} %)`);
        ctx.output.result({ network: ctx.network.name, days: opts.days, ok: critical.length === 0, chains }, () =>
          chains
            .map((c) =>
              [
                `${c.chain} (${c.chainId}): blocks ${c.fromBlock}-${c.toBlock}, ${c.from} to ${c.to}`,
                `volume\n${table(
                  ['day', 'created', 'consumed', 'exported', 'imported'],
                  c.volume.map((v) => [v.day, String(v.create), String(v.consume), String(v.export), String(v.import)]),
                )}`,
                c.gas.length
                  ? `gas\n${table(
                      ['operation', 'count', 'mean gas', 'max gas'],
                      c.gas.map((g) => [g.kind, String(g.count), String(g.mean), String(g.max)]),
                    )}`
                  : 'gas: no operation in the window',
                `errors: ${c.failed} of ${c.sent} PIL transactions reverted${
                  c.errors.length
                    ? `\n${table(
                        ['error', 'count', 'example'],
                        c.errors.map((e) => [e.error, String(e.count), e.example]),
                      )}`
                    : ''
                }`,
                c.audit.length
                  ? `audit log\n${table(
                      ['time', 'contract', 'event', 'arguments'],
                      c.audit.map((a) => [a.time, a.contract, a.event, a.args]),
                    )}`
                  : 'audit log: no admin event in the window',
              ].join('\n\n'),
            )
            .join('\n\n'),
        );
        if (critical.length) {
          throw new CheckFailedError(`${critical.length} chain(s) with a critical revert share`, {
            details: critical.join('\n'),
          });
        }
      }),
    ['pil checks weekly --network devnet', 'pil checks weekly --network mainnet --days 7 --json'],
  );
}
