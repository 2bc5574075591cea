/**
 * AlertRouter turns the monitor's list of currently active alerts into notifications, routed by
 * severity (the runbook: critical => PagerDuty + Slack + email, warning => Slack + email; the
 * caller passes the channel lists). `evaluate(active, now)` compares `active` with the open alerts:
 *
 *   not open before                       => trigger, to routes[severity]
 *   open, severity changed                => trigger, to routes[new severity]; the channels only on
 *                                            the old route get a resolve, so a de-escalated alert
 *                                            stops paging (this resolve is in `notifications` too)
 *   open, same severity, last trigger
 *     more than cooldownMs ago            => trigger again (re-notify), to routes[severity]
 *   open, same severity, within cooldown  => nothing (deduplicated; the stored alert is refreshed)
 *   open, absent from `active`            => resolve, to routes[severity it had]
 *
 * Keys repeated in `active` count once, the critical one winning. Channels are called one
 * notification at a time per channel and in parallel across channels; a failing channel never
 * holds up the others. A failed delivery is kept and retried first at the next evaluate, unless
 * a newer notification for the same alert on the same channel supersedes it. After a retryable
 * failure the rest of that channel's deliveries wait for the next evaluate instead of each
 * running through its own retries.
 *
 * The open alerts and the owed deliveries are loaded from `statePath` on construction and written
 * back (atomically) at the end of every evaluate, after delivery: a crash in between re-sends
 * rather than loses. Owed deliveries to a channel no longer configured are dropped on load.
 *
 * evaluate resolves to:
 *   { notifications: Notification[]  // what this evaluate decided (triggers and resolves)
 *     delivered: Delivery[]          // { channel, notification } delivered now, old retries included
 *     failed: FailedDelivery[] }     // { channel, notification, error, attempts }, kept for the next evaluate
 */
import { AlertDeliveryError, safeCode } from './errors.js';
import { loadState, type OpenAlert, type PendingDelivery, saveState } from './state.js';
import type { Alert, Channel, Notification, Severity } from './types.js';

export type AlertRoutes = { critical: Channel[]; warning: Channel[] };

export type AlertRouterOptions = {
  /** The channels of each severity; a resolve goes to the channels of the severity the alert had. */
  routes: AlertRoutes;
  /** An alert still active is notified again once its last trigger is older than this. */
  cooldownMs: number;
  /** JSON file holding the open alerts and the owed deliveries across restarts. */
  statePath: string;
};

export type Delivery = { channel: string; notification: Notification };
/** `attempts`: evaluate rounds that failed to deliver it so far. */
export type FailedDelivery = Delivery & { error: AlertDeliveryError; attempts: number };
export type EvaluateResult = { notifications: Notification[]; delivered: Delivery[]; failed: FailedDelivery[] };

export class AlertRouter {
  readonly #routes: Record<Severity, Channel[]>;
  readonly #channels = new Map<string, Channel>();
  readonly #cooldownMs: number;
  readonly #statePath: string;
  readonly #open = new Map<string, OpenAlert>();
  #pending: PendingDelivery[];
  /** Evaluations run one after the other: each reads and rewrites the whole state. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: AlertRouterOptions) {
    if (!Number.isFinite(options.cooldownMs) || options.cooldownMs < 0) {
      throw new RangeError('AlertRouter: cooldownMs must be a non-negative number');
    }
    this.#cooldownMs = options.cooldownMs;
    this.#statePath = options.statePath;
    this.#routes = { critical: [...new Set(options.routes.critical)], warning: [...new Set(options.routes.warning)] };
    for (const channel of [...this.#routes.critical, ...this.#routes.warning]) {
      const known = this.#channels.get(channel.name);
      // Owed deliveries are persisted by channel name, so a name must mean one channel.
      if (known !== undefined && known !== channel) {
        throw new Error(`AlertRouter: two different channels are named ${channel.name}`);
      }
      this.#channels.set(channel.name, channel);
    }
    const state = loadState(this.#statePath);
    for (const open of state.open) this.#open.set(open.alert.key, open);
    this.#pending = state.pending.filter((p) => this.#channels.has(p.channel));
  }

  /** The open alerts, by key, for status displays. */
  openAlerts(): OpenAlert[] {
    return [...this.#open.values()].sort((a, b) => compare(a.alert.key, b.alert.key)).map((o) => structuredClone(o));
  }

  /** Deliveries that failed and will be retried at the next evaluate. */
  pendingDeliveries(): PendingDelivery[] {
    return this.#pending.map((p) => structuredClone(p));
  }

  evaluate(active: Alert[], now: number = Date.now()): Promise<EvaluateResult> {
    const run = this.#queue.then(() => this.#evaluate(active, now));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #evaluate(active: Alert[], now: number): Promise<EvaluateResult> {
    const notifications: Notification[] = [];
    const owed: PendingDelivery[] = [];
    const notify = (action: Notification['action'], alert: Alert, channels: Channel[]) => {
      const notification: Notification = { action, alert: structuredClone(alert), at: now };
      notifications.push(notification);
      for (const channel of channels) owed.push({ channel: channel.name, notification, attempts: 0, lastError: '' });
    };

    const current = strongestByKey(active);
    for (const alert of current.values()) {
      const open = this.#open.get(alert.key);
      if (open === undefined) {
        notify('trigger', alert, this.#routes[alert.severity]);
        this.#open.set(alert.key, { alert: structuredClone(alert), openedAt: now, notifiedAt: now });
      } else if (open.alert.severity !== alert.severity) {
        notify('trigger', alert, this.#routes[alert.severity]);
        const kept = new Set(this.#routes[alert.severity]);
        const left = this.#routes[open.alert.severity].filter((channel) => !kept.has(channel));
        if (left.length > 0) notify('resolve', open.alert, left);
        this.#open.set(alert.key, { alert: structuredClone(alert), openedAt: open.openedAt, notifiedAt: now });
      } else if (now - open.notifiedAt > this.#cooldownMs) {
        notify('trigger', alert, this.#routes[alert.severity]);
        this.#open.set(alert.key, { alert: structuredClone(alert), openedAt: open.openedAt, notifiedAt: now });
      } else {
        open.alert = structuredClone(alert);
      }
    }
    for (const [key, open] of this.#open) {
      if (current.has(key)) continue;
      notify('resolve', open.alert, this.#routes[open.alert.severity]);
      this.#open.delete(key);
    }

    const superseded = new Set(owed.map(slot));
    const round = [...this.#pending.filter((p) => !superseded.has(slot(p))), ...owed];
    const outcomes = await this.#deliver(round);

    const delivered: Delivery[] = [];
    const failed: FailedDelivery[] = [];
    const pending: PendingDelivery[] = [];
    round.forEach(({ channel, notification, attempts }, i) => {
      const error = outcomes[i];
      if (error === undefined) {
        delivered.push({ channel, notification });
        return;
      }
      failed.push({ channel, notification, error, attempts: attempts + 1 });
      pending.push({ channel, notification, attempts: attempts + 1, lastError: error.message });
    });
    this.#pending = pending;
    await saveState(this.#statePath, { open: [...this.#open.values()], pending: this.#pending });
    return { notifications, delivered, failed };
  }

  /** The error of each delivery of `round`, by index; undefined where it was delivered. */
  async #deliver(round: PendingDelivery[]): Promise<(AlertDeliveryError | undefined)[]> {
    const outcomes: (AlertDeliveryError | undefined)[] = new Array(round.length).fill(undefined);
    const byChannel = new Map<string, number[]>();
    round.forEach((delivery, i) => {
      byChannel.set(delivery.channel, [...(byChannel.get(delivery.channel) ?? []), i]);
    });
    await Promise.all(
      [...byChannel].map(async ([name, indexes]) => {
        const channel = this.#channels.get(name)!;
        let down: AlertDeliveryError | undefined;
        for (const i of indexes) {
          if (down !== undefined) {
            outcomes[i] = down;
            continue;
          }
          try {
            await channel.send(round[i]!.notification);
          } catch (err) {
            const error = asDeliveryError(name, err);
            outcomes[i] = error;
            if (error.retryable) down = error;
          }
        }
      }),
    );
    return outcomes;
  }
}

/** One delivery slot: an alert on a channel. */
function slot(delivery: { channel: string; notification: Notification }): string {
  return `${delivery.channel}\n${delivery.notification.alert.key}`;
}

function strongestByKey(active: Alert[]): Map<string, Alert> {
  const byKey = new Map<string, Alert>();
  for (const alert of active) {
    const seen = byKey.get(alert.key);
    if (seen === undefined || (seen.severity === 'warning' && alert.severity === 'critical'))
      byKey.set(alert.key, alert);
  }
  return byKey;
}

/** A channel outside this folder may throw anything; its message is not trusted to be secret-free. */
function asDeliveryError(channel: string, err: unknown): AlertDeliveryError {
  if (err instanceof AlertDeliveryError) return err;
  const code =
    safeCode(typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined) ??
    (err instanceof Error && /^[A-Za-z]{1,40}$/.test(err.name) ? err.name : 'unknown error');
  return new AlertDeliveryError(channel, { kind: 'other', code }, true);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
