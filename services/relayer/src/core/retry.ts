/** Exponential backoff with full jitter, for retryable errors only (SDK classification). */
import { BaseError, mapError } from '../sdk.js';

/** mulberry32: a small seeded PRNG (deterministic jitter in tests). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Backoff = { baseMs: number; maxMs: number; random: () => number };

/** Delay before attempt `attempt` (1-based): uniform in [base/2, min(max, base·2^(attempt-1))]. */
export function backoffDelay(b: Backoff, attempt: number): number {
  const cap = Math.min(b.maxMs, b.baseMs * 2 ** Math.min(attempt - 1, 20));
  return Math.round(b.baseMs / 2 + b.random() * Math.max(0, cap - b.baseMs / 2));
}

/** Whether the SDK's classification says the same call may succeed later. */
export function isRetryable(err: unknown): boolean {
  const mapped = err instanceof BaseError ? err : mapError(err);
  return mapped.retryable;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Calls `fn` until it succeeds, a non-retryable error is thrown, or `attempts` run out. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  options: Backoff & { attempts?: number; onRetry?: (attempt: number, delayMs: number, err: unknown) => void },
): Promise<T> {
  const attempts = options.attempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err)) throw err;
      const delay = backoffDelay(options, attempt);
      options.onRetry?.(attempt, delay, err);
      await sleep(delay);
    }
  }
}
