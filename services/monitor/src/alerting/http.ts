/**
 * JSON POST with bounded retries, shared by the webhook channels (PagerDuty, Slack).
 * 408, 429, 5xx, network errors and timeouts are retried with exponential backoff; any other
 * status fails at once. Errors never carry the URL or the body (see errors.ts).
 */
import { AlertDeliveryError, type DeliveryFailure, safeCode, safeErrorWord } from './errors.js';

export type RetryOptions = {
  /** Per attempt, headers and body included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Attempts after the first. Default 3. */
  retries?: number;
  /** First backoff delay, doubled on every retry. Default 500 ms (500, 1 000, 2 000). */
  backoffMs?: number;
  /** Upper bound on one delay, a server's Retry-After included. Default 10 000 ms. */
  maxBackoffMs?: number;
};

export type PostJsonRequest = {
  channel: string;
  url: string;
  body: unknown;
  /** Whether the answer is the endpoint's documented success. */
  accepted: (status: number, text: string) => boolean;
  /** Values that must never appear in an error (the URL, a routing key). */
  secrets: readonly string[];
};

const DEFAULTS = { timeoutMs: 10_000, retries: 3, backoffMs: 500, maxBackoffMs: 10_000 };

export async function postJson(request: PostJsonRequest, options: RetryOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const retries = options.retries ?? DEFAULTS.retries;
  const backoffMs = options.backoffMs ?? DEFAULTS.backoffMs;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULTS.maxBackoffMs;
  const payload = JSON.stringify(request.body);
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(request, payload, timeoutMs);
    if (outcome === 'ok') return;
    if (!outcome.error.retryable || attempt >= retries) throw outcome.error;
    const backoff = backoffMs * 2 ** attempt;
    await sleep(Math.min(maxBackoffMs, Math.max(backoff, outcome.retryAfterMs ?? 0)));
  }
}

type Failed = { error: AlertDeliveryError; retryAfterMs?: number | undefined };

async function attemptOnce(request: PostJsonRequest, payload: string, timeoutMs: number): Promise<'ok' | Failed> {
  const { channel } = request;
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
      // A redirect would resend the payload somewhere nobody configured.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (err) {
    return { error: new AlertDeliveryError(channel, networkFailure(err, timeoutMs, request.secrets), true) };
  }
  if (request.accepted(response.status, text)) return 'ok';
  if (response.status >= 200 && response.status < 300) {
    return { error: new AlertDeliveryError(channel, { kind: 'unexpected-response', status: response.status }, false) };
  }
  const failure: DeliveryFailure = {
    kind: 'status',
    status: response.status,
    code: safeErrorWord(text, request.secrets),
  };
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  return { error: new AlertDeliveryError(channel, failure, retryable), retryAfterMs: retryAfter(response) };
}

function networkFailure(err: unknown, timeoutMs: number, secrets: readonly string[]): DeliveryFailure {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return { kind: 'timeout', afterMs: timeoutMs };
  }
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }).
  const cause = err instanceof Error ? err.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return { kind: 'network', code: safeCode(code, secrets) };
}

/** Retry-After in seconds (the only form PagerDuty and Slack send). */
function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Channels validate their URL up front: `fetch` would echo an unparsable URL in its error. */
export function checkUrl(channel: string, field: string, url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`${channel}: ${field} is not a valid URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TypeError(`${channel}: ${field} must be an http(s) URL`);
  }
}
