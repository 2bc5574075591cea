// `pil incident open|log|resolve|show|list` (ops/incidents.ts): the runbook's incident
// response with its severities, checklist, status-page and resolution texts, a timeline
// and a postmortem skeleton. Nothing here needs the chains: opening and resolving record
// their state when they answer and say so when they do not (an incident is when that
// happens).
import type { Command } from 'commander';
import { isPaused } from '../../../sdk/src/actions/orchestrator/isPaused.js';
import type { NetworkContext } from '../context.js';
import { UsageError } from '../errors.js';
import { pilClient } from '../governance/client.js';
import {
  listIncidents,
  logIncident,
  MAJOR_CHECKLIST,
  openIncident,
  readIncident,
  resolutionText,
  resolveIncident,
  SEVERITIES,
  type SeverityLevel,
  statusPageText,
} from '../ops/incidents.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

/**
 * Block height and pause state of every chain, in one line. A chain that does not answer,
 * or a network that cannot be reached at all, says so (with the error's kind only: an
 * RPC URL may carry a key).
 */
async function snapshot(rt: Runtime, cmd: Command): Promise<string> {
  let ctx: NetworkContext;
  try {
    ctx = await rt.network(cmd);
  } catch (err) {
    return `unreachable (${(err as Error).name})`;
  }
  const parts = await Promise.all(
    ctx.chains.map(async (c) => {
      try {
        const [block, paused] = await Promise.all([c.client.getBlockNumber(), isPaused(pilClient(ctx, c))]);
        return `${c.config.name} block ${block} ${paused ? 'PAUSED' : 'running'}`;
      } catch {
        return `${c.config.name} unreachable`;
      }
    }),
  );
  return parts.join('; ');
}

const utc = (t: number) => new Date(t).toISOString();

export function registerIncidentCommands(program: Command, rt: Runtime): void {
  const incident = program
    .command('incident')
    .description('incident response: severity, timeline, status-page texts, postmortem');

  withExamples(
    incident
      .command('open')
      .description('open an incident: prints the status page text and, for P0/P1, the checklist')
      .requiredOption('--severity <P0|P1|P2|P3>', 'P0 15 min, P1 30 min, P2 2 h, P3 24 h to respond')
      .requiredOption('--title <text>', 'what is happening, as the status page will say it')
      .option('--impact <text>', 'affected services or chains', 'under assessment')
      .action(async (opts: { severity: string; title: string; impact: string }, cmd: Command) => {
        const severity = opts.severity.toUpperCase();
        if (!(severity in SEVERITIES))
          throw new UsageError(`--severity must be P0, P1, P2 or P3, not "${opts.severity.slice(0, 10)}"`);
        const ctx = rt.base(cmd);
        const opened = openIncident(ctx.stateDir, {
          network: ctx.options.network,
          severity: severity as SeverityLevel,
          title: opts.title,
          impact: opts.impact,
          snapshot: await snapshot(rt, cmd),
          now: Date.now(),
        });
        const major = severity === 'P0' || severity === 'P1';
        ctx.output.result(
          { incident: opened, statusPage: statusPageText(opened), checklist: major ? MAJOR_CHECKLIST : [] },
          () =>
            [
              `${opened.id} opened (${opened.severity}); respond by ${utc(opened.respondBy)}`,
              `status page:\n${statusPageText(opened)}`,
              ...(major ? [`checklist:\n${MAJOR_CHECKLIST.map((c) => `[ ] ${c}`).join('\n')}`] : []),
            ].join('\n\n'),
        );
      }),
    ['pil incident open --severity P0 --title "exploit on PC3" --impact "PC3 on all chains"'],
  );

  withExamples(
    incident
      .command('log <id> <text>')
      .description("add a timestamped entry to an open incident's timeline")
      .action(async (id: string, text: string, _opts: unknown, cmd: Command) => {
        const ctx = rt.base(cmd);
        const updated = logIncident(ctx.stateDir, ctx.options.network, id, text, Date.now());
        const last = updated.timeline.at(-1)!;
        ctx.output.result({ incident: updated }, () => `${id} ${utc(last.at)}: ${last.text}`);
      }),
    ['pil incident log INC-20261128-1 "paused all chains (EP-001)"'],
  );

  withExamples(
    incident
      .command('resolve <id>')
      .description(
        'resolve an incident: prints the resolution notice and writes the postmortem skeleton (review due in 48 h)',
      )
      .requiredOption('--root-cause <text>', 'one line, as the resolution notice will say it')
      .action(async (id: string, opts: { rootCause: string }, cmd: Command) => {
        const ctx = rt.base(cmd);
        const { incident: resolved, postmortem } = resolveIncident(ctx.stateDir, {
          network: ctx.options.network,
          id,
          rootCause: opts.rootCause,
          snapshot: await snapshot(rt, cmd),
          now: Date.now(),
        });
        ctx.output.result({ incident: resolved, resolution: resolutionText(resolved), postmortem }, () =>
          [
            `${id} resolved`,
            `resolution notice:\n${resolutionText(resolved)}`,
            `postmortem skeleton: ${postmortem}`,
          ].join('\n\n'),
        );
      }),
    ['pil incident resolve INC-20261128-1 --root-cause "a relayer key leaked"'],
  );

  withExamples(
    incident
      .command('show <id>')
      .description('one incident with its timeline')
      .action(async (id: string, _opts: unknown, cmd: Command) => {
        const ctx = rt.base(cmd);
        const i = readIncident(ctx.stateDir, ctx.options.network, id);
        ctx.output.result({ incident: i }, () =>
          [
            `${i.id} ${i.severity} ${i.status}: ${i.title} (impact: ${i.impact})`,
            ...i.timeline.map((e) => `${utc(e.at)}  ${e.text}`),
          ].join('\n'),
        );
      }),
    ['pil incident show INC-20261128-1'],
  );

  withExamples(
    incident
      .command('list')
      .description('every incident of the network, oldest first')
      .action(async (_opts: unknown, cmd: Command) => {
        const ctx = rt.base(cmd);
        const all = listIncidents(ctx.stateDir, ctx.options.network);
        ctx.output.result({ incidents: all }, () =>
          table(
            ['id', 'severity', 'status', 'opened', 'title'],
            all.map((i) => [i.id, i.severity, i.status, utc(i.openedAt), i.title]),
          ),
        );
      }),
    ['pil incident list --network mainnet'],
  );
}
