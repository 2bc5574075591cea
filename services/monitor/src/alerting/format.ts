/** Text rendering shared by the human-facing channels (Slack, the email digest). */
import type { Alert, Notification } from './types.js';

/** `[CRITICAL] summary`, `[WARNING] summary` or `[RESOLVED] summary`. */
export function headline(notification: Notification): string {
  const tag = notification.action === 'resolve' ? 'RESOLVED' : notification.alert.severity.toUpperCase();
  return `[${tag}] ${notification.alert.summary}`;
}

/** The facts of an alert as ordered `[name, value]` pairs, the key first; absent fields are left out. */
export function facts(alert: Alert): [string, string][] {
  const pairs: [string, string][] = [['key', alert.key]];
  if (alert.metric !== undefined) pairs.push(['metric', alert.metric]);
  if (alert.value !== undefined) pairs.push(['value', String(alert.value)]);
  if (alert.threshold !== undefined) pairs.push(['threshold', String(alert.threshold)]);
  if (alert.chainId !== undefined) pairs.push(['chainId', String(alert.chainId)]);
  for (const [name, value] of Object.entries(alert.details ?? {})) pairs.push([name, String(value)]);
  return pairs;
}

export function factLines(alert: Alert, indent = ''): string {
  return facts(alert)
    .map(([name, value]) => `${indent}${name}: ${value}`)
    .join('\n');
}

/** Cuts to `max` characters, marking the cut, for fields the receiving API caps. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
