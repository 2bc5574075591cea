/**
 * The one root error of PIL's TypeScript code (the SDK, and the CLI's PilError
 * extends it). Every error an SDK function throws is a BaseError: a short message
 * for people, optional details, a docs path and hint, the cause, and whether
 * retrying the same call may succeed. Foreign errors (viem, RPC, snarkjs) are mapped
 * into BaseError subclasses in one place: ./map.ts.
 */

export const DOCS_BASE_URL = 'https://github.com/pil-protocol/pil/blob/main/packages/sdk/README.md';

export type BaseErrorParameters = {
  /** More context than the short message: what was being done, with which values. */
  details?: string | undefined;
  /** Anchor in the SDK README (e.g. `#errors`), rendered as a docs link. */
  docsPath?: string | undefined;
  /** What the caller can do about it. */
  hint?: string | undefined;
  cause?: unknown;
  /** Override the family's default. */
  retryable?: boolean | undefined;
};

export type BaseErrorType = BaseError & { name: 'BaseError' };

export class BaseError extends Error {
  override name = 'BaseError';
  readonly shortMessage: string;
  readonly details: string | undefined;
  readonly docsPath: string | undefined;
  readonly hint: string | undefined;
  /** Whether the same call may succeed when retried (transient transport, rate limit, not yet there). */
  readonly retryable: boolean;

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const lines = [shortMessage];
    if (parameters.details) lines.push('', `Details: ${parameters.details}`);
    if (parameters.hint) lines.push(`Hint: ${parameters.hint}`);
    if (parameters.docsPath) lines.push(`Docs: ${DOCS_BASE_URL}${parameters.docsPath}`);
    super(lines.join('\n'), parameters.cause === undefined ? undefined : { cause: parameters.cause });
    this.shortMessage = shortMessage;
    this.details = parameters.details;
    this.docsPath = parameters.docsPath;
    this.hint = parameters.hint;
    this.retryable =
      parameters.retryable ?? (new.target as { retryableByDefault?: boolean }).retryableByDefault ?? false;
  }

  /** Families set this; a single error may override it with `retryable` in its parameters. */
  static retryableByDefault = false;

  /**
   * Walks the cause chain. With `fn`, returns the first error (this one included) for
   * which it holds, or undefined; without, returns the deepest cause.
   */
  walk(fn?: (err: unknown) => boolean): unknown {
    let err: unknown = this;
    for (;;) {
      if (fn?.(err)) return err;
      if (err instanceof Error && err.cause !== undefined && err.cause !== err) err = err.cause;
      else return fn ? undefined : err;
    }
  }
}
