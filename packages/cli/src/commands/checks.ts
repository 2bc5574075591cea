// `pil checks daily`: the runbook's daily routine in one command (ops/checks.ts);
// exit 8 on a critical finding. Weekly and monthly checks are not built yet.
import type { Command } from 'commander';
import { CheckFailedError } from '../errors.js';
import { dailyChecks } from '../ops/checks.js';
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
}
