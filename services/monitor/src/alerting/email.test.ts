import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmailDigest } from './email.js';
import { AlertDeliveryError } from './errors.js';
import { type SmtpReceiver, startSmtpReceiver } from './test-servers.js';
import type { Notification } from './types.js';

const T0 = Date.parse('2025-03-01T08:00:00.000Z');

const notifications: Notification[] = [
  {
    action: 'trigger',
    at: T0,
    alert: {
      key: 'relayer_response_time:31338',
      severity: 'critical',
      summary: 'Relayer response time p99 41.2 s > 30 s on devnet-31338',
      metric: 'relayer_response_time',
      value: 41.2,
      threshold: 30,
      chainId: 31338,
    },
  },
  {
    action: 'trigger',
    at: T0 + 60_000,
    alert: { key: 'paused:31337', severity: 'critical', summary: 'Hub paused on devnet-31337', chainId: 31337 },
  },
  {
    action: 'trigger',
    at: T0 + 120_000,
    alert: {
      key: 'relayer_balance:31337',
      severity: 'warning',
      summary: 'Relayer balance 0.4 ETH < 0.5 ETH',
      details: { relayer: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
    },
  },
  {
    action: 'resolve',
    at: T0 + 180_000,
    alert: { key: 'paused:31337', severity: 'critical', summary: 'Hub paused on devnet-31337', chainId: 31337 },
  },
];

const servers: SmtpReceiver[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function smtp(options: Parameters<typeof startSmtpReceiver>[0] = {}) {
  const server = await startSmtpReceiver(options);
  servers.push(server);
  return server;
}

function digestTo(port: number, auth?: { user: string; pass: string }) {
  return createEmailDigest({
    smtp: { host: '127.0.0.1', port, ...(auth ? { auth } : {}) },
    from: 'monitor@pil.test',
    to: ['ops@pil.test', 'oncall@pil.test'],
    timeoutMs: 2_000,
  });
}

describe('email digest', () => {
  it('queues on send and mails one plain-text digest on flush', async () => {
    const server = await smtp();
    const digest = digestTo(server.port);
    expect(digest.name).toBe('email');
    for (const n of notifications) await digest.send(n);
    expect(server.messages).toHaveLength(0);
    expect(digest.queued).toBe(4);

    expect(await digest.flush(T0 + 86_400_000)).toEqual({ sent: true, count: 4 });
    expect(digest.queued).toBe(0);
    expect(server.messages).toHaveLength(1);
    const mail = server.messages[0]!;
    expect(mail.subject).toBe('PIL alerts digest: 2 critical, 1 warning, 1 resolved');
    expect(mail.from?.text).toBe('monitor@pil.test');
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['ops@pil.test', 'oncall@pil.test']);
    expect(mail.html).toBe(false);
    expect(mail.text).toBe(
      [
        '4 alert notifications as of 2025-03-02T08:00:00.000Z',
        '',
        '2025-03-01T08:00:00.000Z  trigger  critical',
        '  [CRITICAL] Relayer response time p99 41.2 s > 30 s on devnet-31338',
        '    key: relayer_response_time:31338',
        '    metric: relayer_response_time',
        '    value: 41.2',
        '    threshold: 30',
        '    chainId: 31338',
        '',
        '2025-03-01T08:01:00.000Z  trigger  critical',
        '  [CRITICAL] Hub paused on devnet-31337',
        '    key: paused:31337',
        '    chainId: 31337',
        '',
        '2025-03-01T08:02:00.000Z  trigger  warning',
        '  [WARNING] Relayer balance 0.4 ETH < 0.5 ETH',
        '    key: relayer_balance:31337',
        '    relayer: 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
        '',
        '2025-03-01T08:03:00.000Z  resolve  critical',
        '  [RESOLVED] Hub paused on devnet-31337',
        '    key: paused:31337',
        '    chainId: 31337',
        '',
      ].join('\n'),
    );

    // Drained: the next flush has nothing to send.
    expect(await digest.flush()).toEqual({ sent: false, count: 0 });
    expect(server.messages).toHaveLength(1);
  });

  it('with a queue file, a restart before the flush loses nothing', async () => {
    const server = await smtp();
    const queuePath = path.join(mkdtempSync(path.join(tmpdir(), 'pil-digest-')), 'digest.json');
    const options = {
      smtp: { host: '127.0.0.1', port: server.port },
      from: 'monitor@pil.test',
      to: ['ops@pil.test'],
      queuePath,
    };
    const before = createEmailDigest(options);
    await before.send(notifications[0]!);
    await before.send(notifications[3]!);
    // The process dies here; a new one reads the queue back and mails it.
    const after = createEmailDigest(options);
    expect(after.queued).toBe(2);
    expect(await after.flush(T0)).toEqual({ sent: true, count: 2 });
    expect(server.messages).toHaveLength(1);
    expect(createEmailDigest(options).queued).toBe(0);
  });

  it('sends nothing when the queue is empty', async () => {
    const server = await smtp();
    expect(await digestTo(server.port).flush()).toEqual({ sent: false, count: 0 });
    expect(server.messages).toHaveLength(0);
  });

  it('keeps the queue when the SMTP server is down and sends everything once it is back', async () => {
    const first = await smtp();
    const { port } = first;
    const digest = digestTo(port);
    await digest.send(notifications[0]!);
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const error = await digest.flush().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AlertDeliveryError);
    expect(error).toMatchObject({ channel: 'email', retryable: true });
    expect(digest.queued).toBe(1);

    await digest.send(notifications[2]!);
    // The same port, as a restarted mail server would have.
    const second = await smtp({ port });
    expect(await digest.flush()).toEqual({ sent: true, count: 2 });
    expect(second.messages.map((m) => m.subject)).toEqual(['PIL alerts digest: 1 critical, 1 warning']);
    expect(second.messages[0]!.text).toContain('[CRITICAL] Relayer response time p99 41.2 s > 30 s on devnet-31338');
    expect(second.messages[0]!.text).toContain('[WARNING] Relayer balance 0.4 ETH < 0.5 ETH');
    expect(digest.queued).toBe(0);
  });

  it('authenticates, and a rejected password fails without retry and without the password in the error', async () => {
    const auth = { user: 'monitor', pass: 's3cret-smtp-pass' };
    const server = await smtp({ auth });
    const good = digestTo(server.port, auth);
    await good.send(notifications[1]!);
    expect(await good.flush()).toEqual({ sent: true, count: 1 });

    const bad = digestTo(server.port, { user: 'monitor', pass: 'wrong-pass-123' });
    await bad.send(notifications[1]!);
    const error = (await bad.flush().catch((err: unknown) => err)) as AlertDeliveryError;
    expect(error).toBeInstanceOf(AlertDeliveryError);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/^email: delivery failed, status 535 EAUTH/);
    expect(error.message).not.toContain('wrong-pass-123');
    expect(bad.queued).toBe(1);
    expect(server.messages).toHaveLength(1);
  });

  it('uses the subject prefix and counts only what is queued', async () => {
    const server = await smtp();
    const digest = createEmailDigest({
      smtp: { host: '127.0.0.1', port: server.port },
      from: 'monitor@pil.test',
      to: ['ops@pil.test'],
      subjectPrefix: '[devnet] PIL alerts',
    });
    await digest.send(notifications[3]!);
    await digest.flush(T0);
    expect(server.messages[0]!.subject).toBe('[devnet] PIL alerts: 1 resolved');
    expect(server.messages[0]!.text).toMatch(/^1 alert notification as of 2025-03-01T08:00:00.000Z\n/);
  });
});
