/**
 * The router's durable state: the open alerts and the deliveries still owed to a channel. It is
 * written atomically (temporary file, fsync, rename), so a crash leaves either the previous or
 * the new state, never half a file; a restart then neither re-pages nor forgets to resolve.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Alert, Notification } from './types.js';

export type OpenAlert = {
  /** The alert as last evaluated (its latest summary and values). */
  alert: Alert;
  openedAt: number;
  /** When the last trigger for it was produced (not necessarily delivered). */
  notifiedAt: number;
};

export type PendingDelivery = {
  channel: string;
  notification: Notification;
  /** Failed attempts so far (one per evaluate). */
  attempts: number;
  /** The last AlertDeliveryError message (safe to log by construction). */
  lastError: string;
};

export type RouterState = { open: OpenAlert[]; pending: PendingDelivery[] };

// JSON turns NaN and Infinity into null: accept null and drop it when reading back.
const num = z.number().nullable().optional();
const alertSchema = z.object({
  key: z.string(),
  severity: z.enum(['critical', 'warning']),
  summary: z.string(),
  metric: z.string().optional(),
  value: num,
  threshold: num,
  chainId: num,
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
const notificationSchema = z.object({ action: z.enum(['trigger', 'resolve']), alert: alertSchema, at: z.number() });
const stateSchema = z.object({
  version: z.literal(1),
  open: z.array(z.object({ alert: alertSchema, openedAt: z.number(), notifiedAt: z.number() })),
  pending: z.array(
    z.object({ channel: z.string(), notification: notificationSchema, attempts: z.number(), lastError: z.string() }),
  ),
});

function toAlert(parsed: z.infer<typeof alertSchema>): Alert {
  const alert: Alert = { key: parsed.key, severity: parsed.severity, summary: parsed.summary };
  if (parsed.metric !== undefined) alert.metric = parsed.metric;
  if (parsed.value != null) alert.value = parsed.value;
  if (parsed.threshold != null) alert.threshold = parsed.threshold;
  if (parsed.chainId != null) alert.chainId = parsed.chainId;
  if (parsed.details !== undefined) {
    const details: Record<string, string | number | boolean> = {};
    for (const [name, value] of Object.entries(parsed.details)) if (value !== null) details[name] = value;
    alert.details = details;
  }
  return alert;
}

/** The state at `path`, empty when the file does not exist yet. A corrupt file throws: better
 * to stop than to start blind and never resolve what was open. */
export function loadState(path: string): RouterState {
  if (!existsSync(path)) return { open: [], pending: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`alert state ${path} is not valid JSON; move it away to start with no open alerts`);
  }
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`alert state ${path} has an unexpected shape; move it away to start with no open alerts`);
  }
  return {
    open: parsed.data.open.map((o) => ({ alert: toAlert(o.alert), openedAt: o.openedAt, notifiedAt: o.notifiedAt })),
    pending: parsed.data.pending.map((p) => ({
      channel: p.channel,
      notification: { action: p.notification.action, alert: toAlert(p.notification.alert), at: p.notification.at },
      attempts: p.attempts,
      lastError: p.lastError,
    })),
  };
}

export function saveState(path: string, state: RouterState): Promise<void> {
  return writeJsonAtomic(path, { version: 1, ...state });
}

const queueSchema = z.object({ version: z.literal(1), queued: z.array(notificationSchema) });

/** The email digest's queue at `path` (empty when the file does not exist yet; a corrupt file throws). */
export function loadQueue(path: string): Notification[] {
  if (!existsSync(path)) return [];
  const parsed = queueSchema.safeParse(
    (() => {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        return undefined;
      }
    })(),
  );
  if (!parsed.success)
    throw new Error(`digest queue ${path} is unreadable; move it away to start with an empty digest`);
  return parsed.data.queued.map((n) => ({ action: n.action, alert: toAlert(n.alert), at: n.at }));
}

export function saveQueue(path: string, queued: readonly Notification[]): Promise<void> {
  return writeJsonAtomic(path, { version: 1, queued });
}

async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const file = await open(tmp, 'w', 0o600);
  try {
    await file.writeFile(`${JSON.stringify(value, null, 2)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, path);
}
