/**
 * Email digest channel. The runbook sends email as a daily summary, not per alert: `send` only
 * queues in memory and `flush` (called by the daily schedule) mails one plain-text digest of
 * everything queued. A failed flush keeps the queue, so the next flush still lists everything.
 */
import nodemailer from 'nodemailer';
import { AlertDeliveryError, safeCode } from './errors.js';
import { factLines, headline } from './format.js';
import { loadQueue, saveQueue } from './state.js';
import type { Channel, Notification } from './types.js';

export type EmailDigestOptions = {
  smtp: { host: string; port: number; secure?: boolean; auth?: { user: string; pass: string } };
  from: string;
  to: string[];
  /** Default `PIL alerts digest`. */
  subjectPrefix?: string;
  /** Connection, greeting and socket timeout of the SMTP session. Default 30 000 ms. */
  timeoutMs?: number;
  /** Default `email`. */
  name?: string;
  /**
   * Where the queue is kept between flushes (atomically rewritten on every change), so a
   * restart before the digest is mailed loses nothing. Without it the queue is in memory.
   */
  queuePath?: string;
};

export type EmailDigest = Channel & {
  /** Mails the queued notifications as one digest; an empty queue sends nothing. */
  flush(now?: number): Promise<{ sent: boolean; count: number }>;
  /** Notifications waiting for the next flush. */
  readonly queued: number;
};

export function digestSubject(prefix: string, notifications: readonly Notification[]): string {
  const count = (match: (n: Notification) => boolean) => notifications.filter(match).length;
  const parts: [number, string][] = [
    [count((n) => n.action === 'trigger' && n.alert.severity === 'critical'), 'critical'],
    [count((n) => n.action === 'trigger' && n.alert.severity === 'warning'), 'warning'],
    [count((n) => n.action === 'resolve'), 'resolved'],
  ];
  return `${prefix}: ${parts
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n} ${label}`)
    .join(', ')}`;
}

export function digestBody(notifications: readonly Notification[], now: number): string {
  const entries = notifications.map((n) =>
    [
      `${new Date(n.at).toISOString()}  ${n.action}  ${n.alert.severity}`,
      `  ${headline(n)}`,
      factLines(n.alert, '    '),
    ].join('\n'),
  );
  const header = `${notifications.length} alert notification${notifications.length === 1 ? '' : 's'} as of ${new Date(now).toISOString()}`;
  return `${header}\n\n${entries.join('\n\n')}\n`;
}

export function createEmailDigest(options: EmailDigestOptions): EmailDigest {
  const name = options.name ?? 'email';
  const prefix = options.subjectPrefix ?? 'PIL alerts digest';
  if (options.to.length === 0) throw new TypeError(`${name}: no recipients`);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: options.smtp.host,
    port: options.smtp.port,
    secure: options.smtp.secure ?? false,
    ...(options.smtp.auth ? { auth: options.smtp.auth } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const queue: Notification[] = options.queuePath ? loadQueue(options.queuePath) : [];
  const persist = () => (options.queuePath ? saveQueue(options.queuePath, queue) : Promise.resolve());
  // One flush at a time, so two schedules never mail the same notifications twice.
  let flushing: Promise<unknown> = Promise.resolve();

  async function flushNow(now: number): Promise<{ sent: boolean; count: number }> {
    const batch = queue.slice();
    if (batch.length === 0) return { sent: false, count: 0 };
    try {
      await transport.sendMail({
        from: options.from,
        to: options.to,
        subject: digestSubject(prefix, batch),
        text: digestBody(batch, now),
        date: new Date(now),
      });
    } catch (err) {
      throw smtpError(name, err, options.smtp.auth ? [options.smtp.auth.user, options.smtp.auth.pass] : []);
    }
    // Only what was mailed leaves the queue; notifications queued during the send stay.
    queue.splice(0, batch.length);
    await persist();
    return { sent: true, count: batch.length };
  }

  return {
    name,
    get queued() {
      return queue.length;
    },
    async send(notification) {
      queue.push(structuredClone(notification));
      await persist();
    },
    flush(now = Date.now()) {
      const result = flushing.then(() => flushNow(now));
      flushing = result.catch(() => undefined);
      return result;
    },
  };
}

const PERMANENT = new Set(['EAUTH', 'ENOAUTH', 'EENVELOPE', 'EMESSAGE']);

/** Nodemailer's messages quote the server's reply; keep its code and reply number only. */
function smtpError(channel: string, err: unknown, secrets: string[]): AlertDeliveryError {
  const fields = typeof err === 'object' && err !== null ? (err as { code?: unknown; responseCode?: unknown }) : {};
  const code = safeCode(fields.code, secrets);
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;
  // 5xx replies, and local refusals (no credentials, bad addresses), fail the same way on every retry.
  const permanent = responseCode !== undefined ? responseCode >= 500 : code !== undefined && PERMANENT.has(code);
  if (responseCode !== undefined) {
    return new AlertDeliveryError(channel, { kind: 'status', status: responseCode, code }, !permanent);
  }
  if (code !== undefined) return new AlertDeliveryError(channel, { kind: 'other', code }, !permanent);
  return new AlertDeliveryError(channel, { kind: 'network' }, true);
}
