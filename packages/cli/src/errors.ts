// One error hierarchy for the CLI, rooted in the SDK's BaseError (shortMessage,
// details, hint, cause, retryable, walk()). Every failure a user can see is a PilError
// with a short message, optional details, a hint of what to do next and an exit
// code. Foreign errors (viem, zod, commander, Node) are mapped into it in one
// place: `toPilError`. Secrets never reach the terminal: `redact` scrubs every
// registered secret value from whatever is printed.
import { BaseError as ViemBaseError } from 'viem';
import { ZodError } from 'zod';
import { BaseError } from '../../sdk/src/errors/base.js';
import {
  ConfigError as SdkConfigError,
  InvalidParameterError as SdkInvalidParameterError,
  RpcError as SdkRpcError,
  TransportError as SdkTransportError,
} from '../../sdk/src/errors/families.js';

/** Process exit codes, one per error family. */
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  config: 3,
  network: 4,
  input: 5,
  chain: 6,
  deployment: 7,
  /** A check command (security-check, roles, health, balances) ran and found problems; its report is on stdout. */
  checkFailed: 8,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type PilErrorOptions = {
  /** More context than the short message: what was being done, with which values. */
  details?: string | undefined;
  /** What the user can do about it. */
  hint?: string | undefined;
  cause?: unknown;
};

export class PilError extends BaseError {
  override name = 'PilError';
  readonly exitCode: ExitCode = ExitCode.internal;

  constructor(shortMessage: string, options: PilErrorOptions = {}) {
    super(shortMessage, { details: options.details, hint: options.hint, cause: options.cause });
  }
}

/** The configuration (file, environment variables, network selection) is wrong. */
export class ConfigError extends PilError {
  override name = 'ConfigError';
  override readonly exitCode: ExitCode = ExitCode.config;
}

/** A required environment variable is not set. */
export class MissingEnvError extends ConfigError {
  override name = 'MissingEnvError';
  readonly variable: string;
  constructor(variable: string, options: PilErrorOptions = {}) {
    super(`Environment variable ${variable} is not set`, {
      hint: `export ${variable}=... (see OPERATIONS_RUNBOOK.md, "Environment Variables")`,
      ...options,
    });
    this.variable = variable;
  }
}

/** A JSON-RPC endpoint cannot be reached or answers with a transport error. */
export class NetworkError extends PilError {
  override name = 'NetworkError';
  override readonly exitCode: ExitCode = ExitCode.network;
  override readonly retryable: boolean = true;
}

/** A command-line argument or input file is invalid. */
export class InputError extends PilError {
  override name = 'InputError';
  override readonly exitCode: ExitCode = ExitCode.input;
}

/** The chain refused what we asked (revert, out of gas, nonce). */
export class ChainError extends PilError {
  override name = 'ChainError';
  override readonly exitCode: ExitCode = ExitCode.chain;
}

/** Deploying or wiring contracts failed, or build artifacts are missing. */
export class DeploymentError extends PilError {
  override name = 'DeploymentError';
  override readonly exitCode: ExitCode = ExitCode.deployment;
}

/** A check ran and found problems. Its report was already printed: under --json no second document is printed. */
export class CheckFailedError extends PilError {
  override name = 'CheckFailedError';
  override readonly exitCode: ExitCode = ExitCode.checkFailed;
}

/** The user interrupted a long operation (Ctrl-C). */
export class InterruptedError extends PilError {
  override name = 'InterruptedError';
  override readonly exitCode: ExitCode = ExitCode.interrupted;
}

// --- secrets -----------------------------------------------------------------

const secrets = new Set<string>();

/** Registers a secret (private key, API key, RPC URL with a key in it) so that `redact` scrubs it. */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 8) return;
  secrets.add(value);
  if (value.startsWith('0x')) secrets.add(value.slice(2));
  else if (/^[0-9a-fA-F]{64}$/.test(value)) secrets.add(`0x${value}`);
}

/** Replaces every registered secret, in any letter case, with `[redacted]`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[redacted]');
  }
  return out;
}

// --- mapping -----------------------------------------------------------------

const rpcTransportNames = new Set(['HttpRequestError', 'WebSocketRequestError', 'TimeoutError', 'SocketClosedError']);

/** Maps anything thrown into a PilError. The only place where foreign errors are classified. */
export function toPilError(err: unknown): PilError {
  if (err instanceof PilError) return err;
  if (err instanceof BaseError) return fromSdkError(err);
  if (err instanceof ViemBaseError) {
    const transport = err.walk((e) => e instanceof ViemBaseError && rpcTransportNames.has(e.name));
    if (transport instanceof ViemBaseError) {
      return new NetworkError('The JSON-RPC endpoint did not answer', {
        details: transport.shortMessage,
        hint: 'Check the RPC URL of the network (and that `pil devnet up` runs, for the devnet)',
        cause: err,
      });
    }
    return new ChainError(err.shortMessage, { details: err.details, cause: err });
  }
  if (err instanceof ZodError) {
    return new InputError('Invalid input', { details: formatZodIssues(err), cause: err });
  }
  if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('commander.')) {
    return new UsageError(err.message.replace(/^error: /, ''), { cause: err, hint: 'See pil --help' });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new PilError(`Unexpected error: ${message}`, {
    hint: 'This is a bug in pil; please report it with the output of --verbose',
    cause: err,
  });
}

/** An SDK error (not already a PilError) as the CLI family with the same meaning. */
function fromSdkError(err: BaseError): PilError {
  const options = { details: err.details, hint: err.hint, cause: err };
  if (err instanceof SdkTransportError || (err instanceof SdkRpcError && err.retryable)) {
    return new NetworkError(err.shortMessage, options);
  }
  if (err instanceof SdkConfigError) return new ConfigError(err.shortMessage, options);
  if (err instanceof SdkInvalidParameterError) return new InputError(err.shortMessage, options);
  return new ChainError(err.shortMessage, options);
}

/** One line per zod issue: `path: message`. Never prints the offending value (it may be a secret). */
export function formatZodIssues(err: ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('\n');
}

/** Human text of an error: short message, details, hint; secrets redacted. */
export function formatError(err: PilError, verbose = false): string {
  const lines = [`Error: ${err.shortMessage}`];
  if (err.details) lines.push(...err.details.split('\n').map((l) => `  ${l}`));
  if (err.hint) lines.push(`Hint: ${err.hint}`);
  if (verbose && err.cause !== undefined) {
    const cause = err.cause instanceof Error ? (err.cause.stack ?? err.cause.message) : String(err.cause);
    lines.push(`Cause: ${cause}`);
  }
  return redact(lines.join('\n'));
}

/** Machine form of an error for `--json`. */
export function errorToJson(err: PilError): Record<string, unknown> {
  return JSON.parse(
    redact(
      JSON.stringify({
        error: {
          name: err.name,
          shortMessage: err.shortMessage,
          details: err.details,
          hint: err.hint,
          exitCode: err.exitCode,
        },
      }),
    ),
  ) as Record<string, unknown>;
}

/** The command line itself is wrong (unknown option, missing argument). */
export class UsageError extends InputError {
  override name = 'UsageError';
  override readonly exitCode: ExitCode = ExitCode.usage;
}
