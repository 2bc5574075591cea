// Incident records for `pil incident open|log|resolve|show|list`: severity P0-P3 with the
// runbook's response times, a timestamped timeline (the chains' block height and pause
// state are recorded at open and at resolve), the runbook's status-page and resolution
// texts, and a postmortem skeleton due 48 h after resolution. One JSON file per incident
// under <stateDir>/incidents/<network>/ (the indexer's database will hold them once there).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { writeJsonAtomic } from '../files.js';

export const SEVERITIES = {
  P0: { label: 'Critical - service down', respondWithinMin: 15, examples: 'contract paused, funds at risk' },
  P1: { label: 'High - major degradation', respondWithinMin: 30, examples: 'high failure rate, stuck transactions' },
  P2: { label: 'Medium - minor impact', respondWithinMin: 120, examples: 'elevated latency, single relayer down' },
  P3: { label: 'Low - informational', respondWithinMin: 1440, examples: 'unusual patterns, capacity warnings' },
} as const;
export type SeverityLevel = keyof typeof SEVERITIES;

/** The runbook's P0/P1 checklist. */
export const MAJOR_CHECKLIST = [
  'Acknowledge the alert in PagerDuty',
  'Join the incident Slack channel #pil-incident-<date>',
  'Assess impact and scope (pil checks daily, pil monitor status)',
  'Communicate to stakeholders (the status page text below)',
  'Execute the runbook procedure (EP-001 pause, EP-002 relayer, EP-003 keys, EP-004 funds)',
  'Document the timeline (pil incident log)',
  'Post-incident review within 48 hours (the postmortem file written at resolve)',
];

const entrySchema = z.object({ at: z.number(), text: z.string() });
const incidentSchema = z.object({
  id: z.string(),
  network: z.string(),
  severity: z.enum(['P0', 'P1', 'P2', 'P3']),
  title: z.string(),
  impact: z.string(),
  status: z.enum(['investigating', 'resolved']),
  openedAt: z.number(),
  respondBy: z.number(),
  resolvedAt: z.number().optional(),
  rootCause: z.string().optional(),
  reviewDue: z.number().optional(),
  timeline: z.array(entrySchema),
});
export type Incident = z.infer<typeof incidentSchema>;

const MAX_TEXT = 2_000;

function dir(stateDir: string, network: string): string {
  return path.join(stateDir, 'incidents', network);
}

function fileOf(stateDir: string, network: string, id: string): string {
  if (!/^INC-\d{8}-\d+$/.test(id)) {
    throw new InputError(`"${id.slice(0, 40)}" is not an incident id`, {
      hint: 'Ids look like INC-20261128-1 (pil incident list)',
    });
  }
  return path.join(dir(stateDir, network), `${id}.json`);
}

function checkText(what: string, text: string): string {
  const t = text.trim();
  if (!t) throw new InputError(`The ${what} is empty`);
  if (t.length > MAX_TEXT) throw new InputError(`The ${what} has ${t.length} characters; at most ${MAX_TEXT}`);
  return t;
}

export function listIncidents(stateDir: string, network: string): Incident[] {
  const d = dir(stateDir, network);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => /^INC-\d{8}-\d+\.json$/.test(f))
    .map((f) => incidentSchema.parse(JSON.parse(readFileSync(path.join(d, f), 'utf8'))))
    .sort((a, b) => a.openedAt - b.openedAt);
}

export function readIncident(stateDir: string, network: string, id: string): Incident {
  const file = fileOf(stateDir, network, id);
  if (!existsSync(file)) {
    throw new InputError(`No incident ${id} on ${network}`, { hint: 'pil incident list shows the incidents' });
  }
  return incidentSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function save(stateDir: string, incident: Incident): void {
  writeJsonAtomic(fileOf(stateDir, incident.network, incident.id), incident);
}

export function openIncident(
  stateDir: string,
  input: { network: string; severity: SeverityLevel; title: string; impact: string; snapshot: string; now: number },
): Incident {
  const day = new Date(input.now).toISOString().slice(0, 10).replaceAll('-', '');
  const n = listIncidents(stateDir, input.network).filter((i) => i.id.startsWith(`INC-${day}-`)).length + 1;
  const incident: Incident = {
    id: `INC-${day}-${n}`,
    network: input.network,
    severity: input.severity,
    title: checkText('title', input.title),
    impact: checkText('impact', input.impact),
    status: 'investigating',
    openedAt: input.now,
    respondBy: input.now + SEVERITIES[input.severity].respondWithinMin * 60_000,
    timeline: [
      { at: input.now, text: `opened (${input.severity}: ${SEVERITIES[input.severity].label})` },
      { at: input.now, text: `chains: ${input.snapshot}` },
    ],
  };
  save(stateDir, incident);
  return incident;
}

export function logIncident(stateDir: string, network: string, id: string, text: string, now: number): Incident {
  const incident = readIncident(stateDir, network, id);
  if (incident.status === 'resolved') {
    throw new InputError(`Incident ${id} is resolved`, { hint: 'Add to its postmortem file instead' });
  }
  incident.timeline.push({ at: now, text: checkText('log entry', text) });
  save(stateDir, incident);
  return incident;
}

export function resolveIncident(
  stateDir: string,
  input: { network: string; id: string; rootCause: string; snapshot: string; now: number },
): { incident: Incident; postmortem: string } {
  const incident = readIncident(stateDir, input.network, input.id);
  if (incident.status === 'resolved') throw new InputError(`Incident ${input.id} is already resolved`);
  incident.status = 'resolved';
  incident.resolvedAt = input.now;
  incident.rootCause = checkText('root cause', input.rootCause);
  incident.reviewDue = input.now + 48 * 3_600_000;
  incident.timeline.push({ at: input.now, text: `chains: ${input.snapshot}` }, { at: input.now, text: 'resolved' });
  save(stateDir, incident);
  const postmortem = path.join(dir(stateDir, input.network), `${incident.id}-postmortem.md`);
  writeFileSync(postmortem, postmortemSkeleton(incident));
  return { incident, postmortem };
}

const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} hours ${minutes % 60} minutes`;
}

/** The runbook's status page update. */
export function statusPageText(i: Incident): string {
  return [
    `[INVESTIGATING] We are investigating reports of ${i.title}.`,
    `Impact: ${i.impact}`,
    `Started: ${utc(i.openedAt)}`,
    'Updates every 30 minutes.',
  ].join('\n');
}

/** The runbook's resolution notice. */
export function resolutionText(i: Incident): string {
  return [
    `[RESOLVED] The issue affecting ${i.impact} has been resolved.`,
    `Duration: ${duration((i.resolvedAt ?? i.openedAt) - i.openedAt)}`,
    `Root cause: ${i.rootCause ?? ''}`,
    'Full postmortem to follow.',
  ].join('\n');
}

export function postmortemSkeleton(i: Incident): string {
  return `# Postmortem ${i.id}: ${i.title}

- Network: ${i.network}
- Severity: ${i.severity} (${SEVERITIES[i.severity].label})
- Opened: ${utc(i.openedAt)}; resolved: ${utc(i.resolvedAt ?? i.openedAt)}; duration ${duration((i.resolvedAt ?? i.openedAt) - i.openedAt)}
- Impact: ${i.impact}
- Review due: ${utc(i.reviewDue ?? i.openedAt)}

## Summary

## Root cause

${i.rootCause ?? ''}

## Timeline (UTC)

${i.timeline.map((e) => `- ${utc(e.at)}: ${e.text}`).join('\n')}

## What went well

## What went wrong

## Action items

| action | owner | due |
| ------ | ----- | --- |
`;
}
