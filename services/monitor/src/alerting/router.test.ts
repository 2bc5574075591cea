import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmailDigest, type EmailDigest } from './email.js';
import { AlertDeliveryError } from './errors.js';
import { createPagerDutyChannel } from './pagerduty.js';
import { AlertRouter, type EvaluateResult } from './router.js';
import { createSlackChannel } from './slack.js';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './test-servers.js';
import type { Alert, Channel } from './types.js';

const ROUTING_KEY = 'e93facc04764012d7bfb002500d5d1a6';
const COOLDOWN = 3_600_000;
const T0 = Date.parse('2025-03-01T08:00:00.000Z');

const responseTime: Alert = {
  key: 'relayer_response_time:31338',
  severity: 'warning',
  summary: 'Relayer response time p99 12 s > 10 s on devnet-31338',
  metric: 'relayer_response_time',
  value: 12,
  threshold: 10,
  chainId: 31338,
};
const paused: Alert = {
  key: 'paused:31337',
  severity: 'critical',
  summary: 'Hub paused on devnet-31337',
  chainId: 31337,
};
const escalated: Alert = {
  ...responseTime,
  severity: 'critical',
  summary: 'Relayer response time p99 41.2 s > 30 s on devnet-31338',
  value: 41.2,
  threshold: 30,
};

type Rig = {
  pagerduty: HttpReceiver;
  slack: HttpReceiver;
  smtp: SmtpReceiver;
  channels: { pagerduty: Channel; slack: Channel; email: EmailDigest };
  statePath: string;
  router(): AlertRouter;
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'pil-alerting-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const pagerduty = await startHttpReceiver({ status: 202, body: '{"status":"success"}' });
  cleanups.push(() => pagerduty.close());
  const slack = await startHttpReceiver({ status: 200, body: 'ok' });
  cleanups.push(() => slack.close());
  const smtp = await startSmtpReceiver();
  cleanups.push(() => smtp.close());
  const fast = { retries: 1, backoffMs: 1, timeoutMs: 2_000 };
  const channels = {
    pagerduty: createPagerDutyChannel({ routingKey: ROUTING_KEY, url: pagerduty.url, source: 'pil-monitor', ...fast }),
    slack: createSlackChannel({ webhookUrl: `${slack.url}/services/T0/B0/token`, ...fast }),
    email: createEmailDigest({
      smtp: { host: '127.0.0.1', port: smtp.port },
      from: 'monitor@pil.test',
      to: ['ops@pil.test'],
    }),
  };
  const statePath = join(dir, 'state', 'alerts.json');
  const router = () =>
    new AlertRouter({
      routes: {
        critical: [channels.pagerduty, channels.slack, channels.email],
        warning: [channels.slack, channels.email],
      },
      cooldownMs: COOLDOWN,
      statePath,
    });
  return { pagerduty, slack, smtp, channels, statePath, router };
}

/** `[channel, action, key]` of each delivery, sorted, for order-free comparison. */
function deliveries(result: EvaluateResult): string[][] {
  return result.delivered.map((d) => [d.channel, d.notification.action, d.notification.alert.key]).sort();
}

function slackTexts(receiver: HttpReceiver): string[] {
  return receiver.bodies().map((b) => (b as { text: string }).text);
}

function pagerDutyEvents(receiver: HttpReceiver): string[][] {
  return receiver.bodies().map((b) => {
    const event = b as { event_action: string; dedup_key: string; payload?: { severity: string } };
    return [event.event_action, event.dedup_key, event.payload?.severity ?? '-'];
  });
}

describe('AlertRouter', () => {
  it('triggers a new alert on the channels of its severity', async () => {
    const r = await rig();
    const router = r.router();
    const result = await router.evaluate([paused, responseTime], T0);

    expect(result.notifications).toEqual([
      { action: 'trigger', alert: paused, at: T0 },
      { action: 'trigger', alert: responseTime, at: T0 },
    ]);
    expect(deliveries(result)).toEqual([
      ['email', 'trigger', 'paused:31337'],
      ['email', 'trigger', 'relayer_response_time:31338'],
      ['pagerduty', 'trigger', 'paused:31337'],
      ['slack', 'trigger', 'paused:31337'],
      ['slack', 'trigger', 'relayer_response_time:31338'],
    ]);
    expect(result.failed).toEqual([]);
    expect(pagerDutyEvents(r.pagerduty)).toEqual([['trigger', 'paused:31337', 'critical']]);
    expect(slackTexts(r.slack)).toEqual([
      '[CRITICAL] Hub paused on devnet-31337',
      '[WARNING] Relayer response time p99 12 s &gt; 10 s on devnet-31338',
    ]);
    expect(r.channels.email.queued).toBe(2);
    expect(router.openAlerts()).toEqual([
      { alert: paused, openedAt: T0, notifiedAt: T0 },
      { alert: responseTime, openedAt: T0, notifiedAt: T0 },
    ]);
  });

  it('sends nothing for an alert still active within the cooldown, and re-notifies after it', async () => {
    const r = await rig();
    const router = r.router();
    await router.evaluate([paused], T0);

    const quiet = await router.evaluate([paused], T0 + COOLDOWN / 2);
    expect(quiet).toEqual({ notifications: [], delivered: [], failed: [] });
    expect(await router.evaluate([paused], T0 + COOLDOWN)).toEqual({ notifications: [], delivered: [], failed: [] });
    expect(r.pagerduty.requests).toHaveLength(1);
    expect(r.slack.requests).toHaveLength(1);

    const again = await router.evaluate([paused], T0 + COOLDOWN + 1);
    expect(again.notifications).toEqual([{ action: 'trigger', alert: paused, at: T0 + COOLDOWN + 1 }]);
    expect(deliveries(again)).toEqual([
      ['email', 'trigger', 'paused:31337'],
      ['pagerduty', 'trigger', 'paused:31337'],
      ['slack', 'trigger', 'paused:31337'],
    ]);
    expect(router.openAlerts()).toEqual([{ alert: paused, openedAt: T0, notifiedAt: T0 + COOLDOWN + 1 }]);

    // The cooldown restarts from the re-notification.
    expect((await router.evaluate([paused], T0 + COOLDOWN + 2)).notifications).toEqual([]);
  });

  it('escalates warning to critical at once, paging PagerDuty', async () => {
    const r = await rig();
    const router = r.router();
    await router.evaluate([responseTime], T0);
    expect(r.pagerduty.requests).toHaveLength(0);

    const result = await router.evaluate([escalated], T0 + 60_000);
    expect(result.notifications).toEqual([{ action: 'trigger', alert: escalated, at: T0 + 60_000 }]);
    expect(deliveries(result)).toEqual([
      ['email', 'trigger', responseTime.key],
      ['pagerduty', 'trigger', responseTime.key],
      ['slack', 'trigger', responseTime.key],
    ]);
    expect(pagerDutyEvents(r.pagerduty)).toEqual([['trigger', responseTime.key, 'critical']]);
    expect(slackTexts(r.slack)).toEqual([
      '[WARNING] Relayer response time p99 12 s &gt; 10 s on devnet-31338',
      '[CRITICAL] Relayer response time p99 41.2 s &gt; 30 s on devnet-31338',
    ]);
    expect(router.openAlerts()).toEqual([{ alert: escalated, openedAt: T0, notifiedAt: T0 + 60_000 }]);
  });

  it('de-escalates critical to warning: a warning trigger, and PagerDuty is resolved', async () => {
    const r = await rig();
    const router = r.router();
    await router.evaluate([escalated], T0);
    const result = await router.evaluate([responseTime], T0 + 60_000);
    expect(result.notifications).toEqual([
      { action: 'trigger', alert: responseTime, at: T0 + 60_000 },
      { action: 'resolve', alert: escalated, at: T0 + 60_000 },
    ]);
    expect(deliveries(result)).toEqual([
      ['email', 'trigger', responseTime.key],
      ['pagerduty', 'resolve', responseTime.key],
      ['slack', 'trigger', responseTime.key],
    ]);
    expect(pagerDutyEvents(r.pagerduty)).toEqual([
      ['trigger', responseTime.key, 'critical'],
      ['resolve', responseTime.key, '-'],
    ]);

    // Resolved later as the warning it now is: no second PagerDuty resolve.
    const gone = await router.evaluate([], T0 + 120_000);
    expect(deliveries(gone)).toEqual([
      ['email', 'resolve', responseTime.key],
      ['slack', 'resolve', responseTime.key],
    ]);
    expect(r.pagerduty.requests).toHaveLength(2);
  });

  it('resolves an alert no longer active on the channels of the severity it had', async () => {
    const r = await rig();
    const router = r.router();
    await router.evaluate([paused, responseTime], T0);
    const result = await router.evaluate([responseTime], T0 + 60_000);

    expect(result.notifications).toEqual([{ action: 'resolve', alert: paused, at: T0 + 60_000 }]);
    expect(deliveries(result)).toEqual([
      ['email', 'resolve', 'paused:31337'],
      ['pagerduty', 'resolve', 'paused:31337'],
      ['slack', 'resolve', 'paused:31337'],
    ]);
    expect(r.pagerduty.bodies()[1]).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'resolve',
      dedup_key: 'paused:31337',
    });
    expect(slackTexts(r.slack)[2]).toBe('[RESOLVED] Hub paused on devnet-31337');
    expect(router.openAlerts().map((o) => o.alert.key)).toEqual([responseTime.key]);

    // Nothing open and nothing active: nothing to say.
    await router.evaluate([], T0 + 120_000);
    expect(await router.evaluate([], T0 + 180_000)).toEqual({ notifications: [], delivered: [], failed: [] });
  });

  it('counts a key repeated in the active list once, the critical one winning', async () => {
    const r = await rig();
    const result = await r.router().evaluate([responseTime, escalated, responseTime], T0);
    expect(result.notifications).toEqual([{ action: 'trigger', alert: escalated, at: T0 }]);
  });

  it('persists open alerts: a new router neither re-triggers nor forgets to resolve', async () => {
    const r = await rig();
    await r.router().evaluate([paused, responseTime], T0);
    const saved = JSON.parse(readFileSync(r.statePath, 'utf8')) as { version: number; open: unknown[] };
    expect(saved.version).toBe(1);
    expect(saved.open).toHaveLength(2);
    // Written by rename: no temporary file left next to it.
    expect(readdirSync(join(r.statePath, '..'))).toEqual(['alerts.json']);

    const restarted = r.router();
    expect(restarted.openAlerts().map((o) => o.alert.key)).toEqual(['paused:31337', responseTime.key]);
    expect(await restarted.evaluate([paused, responseTime], T0 + 60_000)).toEqual({
      notifications: [],
      delivered: [],
      failed: [],
    });
    expect(r.pagerduty.requests).toHaveLength(1);

    const again = r.router();
    const result = await again.evaluate([responseTime], T0 + 120_000);
    expect(result.notifications).toEqual([{ action: 'resolve', alert: paused, at: T0 + 120_000 }]);
    expect(pagerDutyEvents(r.pagerduty)).toEqual([
      ['trigger', 'paused:31337', 'critical'],
      ['resolve', 'paused:31337', '-'],
    ]);
    expect(
      r
        .router()
        .openAlerts()
        .map((o) => o.alert.key),
    ).toEqual([responseTime.key]);
  });

  it('keeps other channels going when one fails, and retries the failed delivery at the next evaluate', async () => {
    const r = await rig();
    // Both attempts of the first delivery (retries: 1) fail.
    r.pagerduty.script.push({ status: 500 }, { status: 500 });
    const router = r.router();
    const first = await router.evaluate([paused], T0);

    expect(deliveries(first)).toEqual([
      ['email', 'trigger', 'paused:31337'],
      ['slack', 'trigger', 'paused:31337'],
    ]);
    expect(first.failed).toHaveLength(1);
    const [failure] = first.failed;
    expect(failure).toMatchObject({ channel: 'pagerduty', attempts: 1, notification: { action: 'trigger', at: T0 } });
    expect(failure!.error).toBeInstanceOf(AlertDeliveryError);
    expect(failure!.error).toMatchObject({ retryable: true, status: 500 });
    expect(failure!.error.message).not.toContain(ROUTING_KEY);
    expect(JSON.stringify(router.pendingDeliveries())).not.toContain(ROUTING_KEY);

    // Persisted: a restarted router owes the same delivery, and sends it although the alert is
    // within its cooldown.
    const restarted = r.router();
    expect(restarted.pendingDeliveries()).toEqual([
      {
        channel: 'pagerduty',
        notification: { action: 'trigger', alert: paused, at: T0 },
        attempts: 1,
        lastError: 'pagerduty: delivery failed, status 500',
      },
    ]);
    const second = await restarted.evaluate([paused], T0 + 60_000);
    expect(second.notifications).toEqual([]);
    expect(deliveries(second)).toEqual([['pagerduty', 'trigger', 'paused:31337']]);
    expect(second.failed).toEqual([]);
    expect(restarted.pendingDeliveries()).toEqual([]);
    expect(pagerDutyEvents(r.pagerduty)).toEqual([
      ['trigger', 'paused:31337', 'critical'],
      ['trigger', 'paused:31337', 'critical'],
      ['trigger', 'paused:31337', 'critical'],
    ]);
    expect(r.slack.requests).toHaveLength(1);
  });

  it('replaces an undelivered trigger by the newer resolve of the same alert', async () => {
    const r = await rig();
    r.pagerduty.script.push({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const router = r.router();
    await router.evaluate([paused], T0);
    const second = await router.evaluate([], T0 + 60_000);
    expect(second.failed.map((f) => [f.channel, f.notification.action, f.attempts])).toEqual([
      ['pagerduty', 'resolve', 1],
    ]);
    expect(router.pendingDeliveries().map((p) => p.notification.action)).toEqual(['resolve']);

    const third = await router.evaluate([], T0 + 120_000);
    expect(deliveries(third)).toEqual([['pagerduty', 'resolve', 'paused:31337']]);
    expect(pagerDutyEvents(r.pagerduty).at(-1)).toEqual(['resolve', 'paused:31337', '-']);
  });

  it('after a retryable failure defers the rest of that channel to the next evaluate', async () => {
    const r = await rig();
    r.pagerduty.script.push({ status: 502 }, { status: 502 });
    const other: Alert = { key: 'checkpoint_lag:31337', severity: 'critical', summary: 'Checkpoint lag 40 > 20' };
    const router = r.router();
    const first = await router.evaluate([paused, other], T0);
    expect(first.failed.map((f) => [f.channel, f.notification.alert.key, f.attempts])).toEqual([
      ['pagerduty', 'paused:31337', 1],
      ['pagerduty', 'checkpoint_lag:31337', 1],
    ]);
    // Two attempts for the first delivery, none for the second.
    expect(r.pagerduty.requests).toHaveLength(2);
    expect(r.slack.requests).toHaveLength(2);

    const second = await router.evaluate([paused, other], T0 + 1_000);
    expect(deliveries(second)).toEqual([
      ['pagerduty', 'trigger', 'checkpoint_lag:31337'],
      ['pagerduty', 'trigger', 'paused:31337'],
    ]);
  });

  it('queues to the email digest, which mails them all at the daily flush', async () => {
    const r = await rig();
    const router = r.router();
    await router.evaluate([paused, responseTime], T0);
    await router.evaluate([responseTime], T0 + 60_000);
    expect(await r.channels.email.flush(T0 + 86_400_000)).toEqual({ sent: true, count: 3 });
    expect(r.smtp.messages.map((m) => m.subject)).toEqual(['PIL alerts digest: 1 critical, 1 warning, 1 resolved']);
    expect(r.smtp.messages[0]!.text).toContain('2025-03-01T08:01:00.000Z  resolve  critical\n  [RESOLVED] Hub paused');
  });

  it('refuses two different channels with one name, and a corrupt state file', async () => {
    const r = await rig();
    const twin = createSlackChannel({ webhookUrl: `${r.slack.url}/other` });
    expect(
      () =>
        new AlertRouter({
          routes: { critical: [r.channels.slack], warning: [twin] },
          cooldownMs: COOLDOWN,
          statePath: r.statePath,
        }),
    ).toThrow('AlertRouter: two different channels are named slack');

    await r.router().evaluate([], T0);
    expect(existsSync(r.statePath)).toBe(true);
    writeFileSync(r.statePath, '{"version":1,"open":[{"alert":');
    expect(() => r.router()).toThrow(/is not valid JSON/);
    writeFileSync(r.statePath, '{"version":2,"open":[],"pending":[]}');
    expect(() => r.router()).toThrow(/unexpected shape/);
  });

  it('reads back non-finite metric values, which JSON stores as null', async () => {
    const r = await rig();
    const odd: Alert = {
      key: 'ratio',
      severity: 'warning',
      summary: 'ratio undefined',
      value: Number.NaN,
      threshold: 1,
    };
    await r.router().evaluate([odd], T0);
    const [open] = r.router().openAlerts();
    expect(open!.alert).toEqual({ key: 'ratio', severity: 'warning', summary: 'ratio undefined', threshold: 1 });
  });
});
