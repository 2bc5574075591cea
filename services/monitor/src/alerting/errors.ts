/**
 * The one error every channel throws. Its message is built here from the channel name and a
 * status or error code only, so a routing key, a webhook URL (Slack's carries a token), an SMTP
 * password or an alert body can never end up in a log line: callers pass no free text.
 */
export type DeliveryFailure =
  /** The endpoint answered with an unexpected HTTP status (or SMTP reply code for email). */
  | { kind: 'status'; status: number; code?: string | undefined }
  /** The request never got an answer: connection refused, DNS, reset... `code` is e.g. ECONNREFUSED. */
  | { kind: 'network'; code?: string | undefined }
  | { kind: 'timeout'; afterMs: number }
  /** A 2xx whose body is not the documented success answer (Slack's `ok`). */
  | { kind: 'unexpected-response'; status: number }
  /** Anything else, named by a fixed code such as EAUTH or the error's class name. */
  | { kind: 'other'; code: string };

export class AlertDeliveryError extends Error {
  readonly channel: string;
  readonly retryable: boolean;
  readonly status?: number;
  readonly code?: string;

  constructor(channel: string, failure: DeliveryFailure, retryable: boolean) {
    super(`${channel}: delivery failed, ${describe(failure)}${retryable ? '' : ' (not retryable)'}`);
    this.name = 'AlertDeliveryError';
    this.channel = channel;
    this.retryable = retryable;
    if (failure.kind === 'status' || failure.kind === 'unexpected-response') this.status = failure.status;
    if ((failure.kind === 'status' || failure.kind === 'network' || failure.kind === 'other') && failure.code) {
      this.code = failure.code;
    }
  }
}

function describe(failure: DeliveryFailure): string {
  switch (failure.kind) {
    case 'status':
      return `status ${failure.status}${failure.code ? ` ${failure.code}` : ''}`;
    case 'network':
      return `network error${failure.code ? ` ${failure.code}` : ''}`;
    case 'timeout':
      return `no answer within ${failure.afterMs} ms`;
    case 'unexpected-response':
      return `unexpected response body with status ${failure.status}`;
    case 'other':
      return failure.code;
  }
}

/** An errno-style code (ECONNREFUSED, EAUTH) safe to show; anything else is dropped. */
export function safeCode(value: unknown, secrets: readonly string[] = []): string | undefined {
  return pick(value, /^[A-Z][A-Z0-9_]{1,39}$/, secrets);
}

/** A lower_snake error word from a response body (Slack's invalid_payload, no_service); never free text. */
export function safeErrorWord(value: unknown, secrets: readonly string[] = []): string | undefined {
  return pick(value, /^[a-z]+(?:_[a-z]+){1,7}$/, secrets);
}

function pick(value: unknown, shape: RegExp, secrets: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim();
  if (!shape.test(code)) return undefined;
  return secrets.some((secret) => secret !== '' && (secret.includes(code) || code.includes(secret))) ? undefined : code;
}
