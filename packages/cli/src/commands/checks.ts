// `pil checks daily`: the runbook's daily routine in one command (ops/checks.ts);
// exit 8 on a critical finding. `pil checks weekly`: the weekly review (ops/weekly.ts):
// volume per day, gas per operation, error patterns, the admin audit log; exit 8 when the
// share of reverted PIL transactions is above the monitor's critical threshold.
// `pil checks monthly`: static analysis, dependency CVEs, access review (ops/monthly.ts);
// exit 8 on a high lint, a critical or high advisory, or an EOA holding an admin role.
import type { Command } from 'commander';
import { METRICS } from '../../../../services/monitor/src/metrics/definitions.js';
import { deploymentOf } from '../deployments/store.js';
import { CheckFailedError } from '../errors.js';
import { parsePositiveInt, perChain, selectChains } from '../governance/cli.js';
import { rolesReport } from '../governance/inspect.js';
import { dailyChecks } from '../ops/checks.js';
import { dependencyAudit, staticAnalysis } from '../ops/monthly.js';
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

  withExamples(
    checks
      .command('monthly')
      .description(
        'the monthly security review: forge lint (high and medium) over the contracts, npm audit of the dependencies, every role holder per chain; exit 8 on a high lint, a critical or high advisory, or an EOA admin',
      )
      .option('--chain <id|name>', 'one chain only (access review)')
      .option('--sources <path...>', 'Solidity sources to lint, relative to contracts/', ['src'])
      .action(async (opts: { chain?: string; sources: string[] }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const [lints, audit, roles] = await Promise.all([
          staticAnalysis(ctx.repoRoot, opts.sources),
          dependencyAudit(ctx.repoRoot, ctx.env as NodeJS.ProcessEnv),
          perChain(selectChains(ctx, opts.chain), (chain) => rolesReport(ctx, chain)),
        ]);
        const findings: { severity: 'critical' | 'warning'; check: string; message: string }[] = [];
        for (const l of lints) {
          findings.push({
            severity: l.severity === 'high' ? 'critical' : 'warning',
            check: 'static analysis',
            message: `${l.lint} (${l.severity}) ${l.file}:${l.line}: ${l.message}`,
          });
        }
        if (!audit.checked) {
          findings.push({ severity: 'warning', check: 'dependencies', message: `not checked: ${audit.reason}` });
        } else {
          for (const a of audit.advisories) {
            findings.push({
              severity: a.severity === 'critical' || a.severity === 'high' ? 'critical' : 'warning',
              check: 'dependencies',
              message: `${a.name} (${a.severity}): ${a.title}`,
            });
          }
        }
        for (const r of roles) {
          for (const f of r.findings)
            findings.push({ severity: f.severity, check: 'access', message: `${r.chain}: ${f.message}` });
        }
        const critical = findings.filter((f) => f.severity === 'critical');
        ctx.output.result({ network: ctx.network.name, ok: critical.length === 0, findings, lints, audit, roles }, () =>
          [
            `static analysis (forge lint ${opts.sources.join(' ')}): ${lints.length ? `${lints.length} finding(s)` : 'no high or medium lint'}`,
            audit.checked
              ? `dependencies (npm audit): ${Object.entries(audit.vulnerabilities)
                  .map(([k, v]) => `${v} ${k}`)
                  .join(', ')}`
              : `dependencies: NOT CHECKED (${audit.reason})`,
            `access review: ${roles.map((r) => `${r.chain} ${r.entries.length} role(s), ${r.findings.length} finding(s)`).join('; ')} (details: pil roles)`,
            findings.length
              ? `findings:\n${findings.map((f) => `${f.severity.toUpperCase()} [${f.check}] ${f.message}`).join('\n')}`
              : 'findings: none',
          ].join('\n'),
        );
        if (critical.length) {
          throw new CheckFailedError(`${critical.length} critical finding(s)`, {
            details: critical.map((f) => f.message).join('\n'),
          });
        }
      }),
    ['pil checks monthly --network devnet', 'pil checks monthly --network mainnet --json'],
  );
}
