// `pil health` (contract states: paused, implementations, versions, roles,
// governance) and `pil balances` (relayer accounts and contracts against the
// runbook's thresholds: warning < 1 ETH, critical < 0.1 ETH). Both exit 8 on a
// critical finding.
import type { Command } from 'commander';
import { formatEther } from 'viem';
import { deploymentOf } from '../deployments/store.js';
import { CheckFailedError } from '../errors.js';
import { perChain, selectChains } from '../governance/cli.js';
import {
  type BalancesReport,
  balancesReport,
  type ChainHealth,
  chainHealth,
  healthCriticals,
} from '../governance/inspect.js';
import { formatDuration } from '../governance/timelock.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

export function registerHealthCommands(program: Command, rt: Runtime): void {
  withExamples(
    program
      .command('health')
      .description(
        'daily check 1: per chain, every contract (paused, implementation, version), the relayer set, the Safe and timelocks, role findings',
      )
      .option('--chain <id|name>', 'one chain only')
      .action(async (opts: { chain?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const chains = await perChain(selectChains(ctx, opts.chain), (chain) =>
          chainHealth(ctx, chain, deploymentOf(ctx, chain.config.chainId)),
        );
        const critical = chains.flatMap(healthCriticals);
        ctx.output.result({ network: ctx.network.name, ok: critical.length === 0, chains }, () =>
          chains.map(formatHealth).join('\n\n'),
        );
        if (critical.length)
          throw new CheckFailedError(`${critical.length} critical finding(s)`, { details: critical.join('\n') });
      }),
    ['pil health --network devnet', 'pil health --network mainnet --json'],
  );

  withExamples(
    program
      .command('balances')
      .description(
        'daily check 3: ETH of the relayer accounts and of every contract against the runbook thresholds (warning < 1 ETH, critical < 0.1 ETH; exit 8 on critical)',
      )
      .option('--chain <id|name>', 'one chain only')
      .action(async (opts: { chain?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const reports = await perChain(selectChains(ctx, opts.chain), (chain) => balancesReport(ctx, chain));
        const critical = reports.flatMap((r) =>
          r.entries
            .filter((e) => e.level === 'critical')
            .map((e) => `${r.chain}: ${e.name} ${e.address} has ${e.eth} ETH`),
        );
        const warnings = reports.flatMap((r) => r.entries.filter((e) => e.level === 'warning'));
        ctx.output.result(
          {
            network: ctx.network.name,
            thresholds: { warningEth: '1', criticalEth: '0.1' },
            ok: critical.length === 0,
            warnings: warnings.length,
            chains: reports,
          },
          () => reports.map(formatBalances).join('\n\n'),
        );
        if (critical.length)
          throw new CheckFailedError(`${critical.length} balance(s) below 0.1 ETH`, { details: critical.join('\n') });
      }),
    ['pil balances --network devnet', 'pil balances --network mainnet --json'],
  );
}

/** The human form of one chain's health (also a section of `pil checks daily`). */
export function formatHealth(c: ChainHealth): string {
  return [
    `${c.chain} (${c.chainId}) block ${c.block}${c.version ? `, contracts ${c.version}` : ''}: ${c.paused ? 'PAUSED' : 'running'}`,
    table(
      ['contract', 'proxy', 'implementation', 'paused', 'upgraded since deployment'],
      c.contracts.map((k) => [
        k.contract,
        k.proxy,
        k.implementation,
        k.paused ? 'PAUSED' : 'no',
        k.implementationChanged === undefined ? 'n/a' : k.implementationChanged ? 'YES' : 'no',
      ]),
    ),
    c.relayers
      ? `relayers: ${c.relayers.active} active, quorum ${c.relayers.quorum}, epoch ${c.relayers.epoch}${c.relayers.belowQuorum ? '  CRITICAL: below quorum' : ''}`
      : 'relayers: no registry',
    `governance: Safe ${c.governance.safe} (${c.governance.threshold} of ${c.governance.owners.length}); standard timelock ${formatDuration(Number(c.governance.standardDelay))}, emergency ${formatDuration(Number(c.governance.emergencyDelay))}`,
    c.findings.length
      ? c.findings.map((f) => `${f.severity.toUpperCase()}: ${f.message}`).join('\n')
      : 'roles: as protocol §8 says (no EOA admin)',
  ].join('\n');
}

/** The human form of one chain's balances (also a section of `pil checks daily`). */
export function formatBalances(r: BalancesReport): string {
  return `${r.chain} (${r.chainId})\n${table(
    ['kind', 'name', 'address', 'ETH', 'level'],
    r.entries.map((e) => [
      e.kind,
      e.name,
      e.address,
      formatEther(e.wei),
      e.level === 'info' ? (e.note ?? '') : e.level.toUpperCase(),
    ]),
  )}`;
}
