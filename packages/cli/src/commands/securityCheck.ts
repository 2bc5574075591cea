// `pil security-check` (RP-001 step 1, before unpausing): governance intact
// (Safe threshold, timelock delays, proposers and cancellers), no EOA admin,
// implementations unchanged since deployment (where a deployments file
// exists), relayer set at quorum, no unexpected timelock operation in flight.
// Exits 8 when a check fails.
import type { Command } from 'commander';
import type { Address } from 'viem';
import { getRelayerSet } from '../../../sdk/src/actions/relayerRegistry/getRelayerSet.js';
import { deploymentsOf } from '../deployments/store.js';
import { CheckFailedError } from '../errors.js';
import { perChain, selectChains } from '../governance/cli.js';
import { pilClient } from '../governance/client.js';
import { contractsHealth, rolesReport, timelockDelays } from '../governance/inspect.js';
import { EMERGENCY_DELAY, STANDARD_DELAY } from '../governance/layout.js';
import { governanceOf } from '../governance/resolve.js';
import { safeState } from '../governance/safe.js';
import { allOperations, chainNow, formatEta } from '../governance/timelock.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

type Check = { check: string; status: 'pass' | 'fail' | 'warn' | 'n/a'; detail: string };

export function registerSecurityCheckCommand(program: Command, rt: Runtime): void {
  withExamples(
    program
      .command('security-check')
      .description(
        'RP-001 step 1: governance intact, no EOA admin, implementations unchanged, relayer quorum, no unexpected timelock operation; exit 8 when a check fails',
      )
      .option('--chain <id|name>', 'one chain only')
      .action(async (opts: { chain?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const deployments = deploymentsOf(ctx);
        const results = await perChain(selectChains(ctx, opts.chain), async (chain) => {
          const checks: Check[] = [];
          const gov = governanceOf(ctx, chain);
          const [safe, delays, roles, contracts, ops, now, relayers] = await Promise.all([
            safeState(chain, gov.safe as Address),
            timelockDelays(ctx, chain),
            rolesReport(ctx, chain),
            contractsHealth(chain, deployments.find((d) => d.chainId === chain.config.chainId)?.contracts),
            allOperations(ctx, chain),
            chainNow(chain),
            chain.config.contracts.relayerRegistry ? getRelayerSet(pilClient(ctx, chain)) : undefined,
          ]);
          checks.push({
            check: 'Safe threshold',
            status: safe.threshold >= 2 && safe.owners.length >= safe.threshold ? 'pass' : 'fail',
            detail: `${safe.threshold} of ${safe.owners.length}`,
          });
          checks.push({
            check: 'standard timelock delay',
            status: delays.standard >= BigInt(STANDARD_DELAY) ? 'pass' : 'fail',
            detail: `${delays.standard} s (expected ≥ ${STANDARD_DELAY})`,
          });
          checks.push({
            check: 'emergency timelock delay',
            status: delays.emergency >= BigInt(EMERGENCY_DELAY) ? 'pass' : 'fail',
            detail: `${delays.emergency} s (expected ≥ ${EMERGENCY_DELAY})`,
          });
          const critical = roles.findings.filter((f) => f.severity === 'critical');
          const warnings = roles.findings.filter((f) => f.severity === 'warning');
          checks.push({
            check: 'roles (no EOA admin, holders as protocol §8)',
            status: critical.length ? 'fail' : warnings.length ? 'warn' : 'pass',
            detail: [...critical, ...warnings].map((f) => f.message).join('; ') || 'as expected',
          });
          const known = contracts.filter((c) => c.implementationChanged !== undefined);
          const changed = contracts.filter((c) => c.implementationChanged);
          checks.push({
            check: 'implementations unchanged since deployment',
            status: !known.length ? 'n/a' : changed.length ? 'warn' : 'pass',
            detail: !known.length
              ? 'no deployments file to compare with'
              : changed.length
                ? `upgraded: ${changed.map((c) => `${c.contract} → ${c.implementation}`).join(', ')} (was that an approved upgrade?)`
                : `${known.length} contracts`,
          });
          if (relayers) {
            checks.push({
              check: 'relayer set at quorum',
              status: relayers.activeCount >= relayers.quorum ? 'pass' : 'fail',
              detail: `${relayers.activeCount} active, quorum ${relayers.quorum}`,
            });
          }
          const inFlight = ops.filter((o) => o.status === 'waiting' || o.status === 'ready');
          const unexpected = inFlight.filter((o) => !o.decoded.every((d) => /^unpause/.test(d.function)));
          checks.push({
            check: 'timelock operations in flight',
            status: unexpected.length ? 'warn' : 'pass',
            detail: inFlight.length
              ? inFlight
                  .map(
                    (o) =>
                      `${o.kind} ${o.id.slice(0, 10)} ${o.decoded.map((d) => `${d.contract}.${d.function}`).join('+')} ETA ${formatEta(Number(o.eta), now)}`,
                  )
                  .join('; ')
              : 'none',
          });
          const paused = contracts.filter((c) => c.paused).map((c) => c.contract);
          checks.push({
            check: 'pause state (information)',
            status: 'n/a',
            detail: paused.length ? `paused: ${paused.join(', ')}` : 'nothing paused',
          });
          return { chain: chain.config.name, chainId: chain.config.chainId, checks };
        });
        const failed = results.flatMap((r) =>
          r.checks.filter((c) => c.status === 'fail').map((c) => `${r.chain}: ${c.check}: ${c.detail}`),
        );
        ctx.output.result({ network: ctx.network.name, ok: failed.length === 0, chains: results }, () =>
          [
            ...results.map(
              (r) =>
                `${r.chain} (${r.chainId})\n${table(
                  ['check', 'status', 'detail'],
                  r.checks.map((c) => [c.check, c.status.toUpperCase(), c.detail]),
                )}`,
            ),
            '',
            failed.length ? `${failed.length} check(s) FAILED: do not unpause before they pass` : 'all checks passed',
          ].join('\n'),
        );
        if (failed.length)
          throw new CheckFailedError(`${failed.length} security check(s) failed`, { details: failed.join('\n') });
      }),
    ['pil security-check --network devnet', 'pil security-check --network mainnet --json'],
  );
}
