/**
 * What the monitor's evaluation hands to alerting, and what alerting sends. An alert is
 * identified by its `key` (one metric on one scope, e.g. `relayer_response_time:31338`):
 * the router deduplicates, re-notifies after a cooldown, and resolves by key.
 * Alerts carry names, numbers and addresses only: never a key, secret, URL with a token,
 * or payload.
 */
export type Severity = 'critical' | 'warning';

export type Alert = {
  /** Stable identity of the condition (metric id and scope). */
  key: string;
  severity: Severity;
  /** One line, e.g. "Relayer response time p99 41.2 s > 30 s on devnet-31338". */
  summary: string;
  /** The metric id of the runbook table (definitions.ts), when the alert comes from one. */
  metric?: string | undefined;
  value?: number | undefined;
  threshold?: number | undefined;
  chainId?: number | undefined;
  /** Extra facts shown in the channels (numbers, addresses, ids). */
  details?: Record<string, string | number | boolean> | undefined;
};

/** `trigger`: new, escalated or re-notified after the cooldown; `resolve`: the condition is gone. */
export type Notification = { action: 'trigger' | 'resolve'; alert: Alert; at: number };

/** A destination of notifications (PagerDuty, Slack, the email digest). */
export interface Channel {
  readonly name: string;
  send(notification: Notification): Promise<void>;
}
