/**
 * Error families: one subclass of BaseError per kind of failure. A caller decides
 * what to do from the family (and `retryable`), not from message text.
 */
import { BaseError, type BaseErrorParameters } from './base.js';

/** The JSON-RPC endpoint could not be reached, timed out or rate-limited us. Retryable. */
export class TransportError extends BaseError {
  override name = 'TransportError';
  static override retryableByDefault = true;
}

/** The node answered a JSON-RPC request with an error (other than a contract revert). */
export class RpcError extends BaseError {
  override name = 'RpcError';
  /** JSON-RPC error code (EIP-1474), when known. */
  readonly code: number | undefined;
  constructor(shortMessage: string, parameters: BaseErrorParameters & { code?: number | undefined } = {}) {
    super(shortMessage, parameters);
    this.code = parameters.code;
  }
}

/** A transaction was mined but reverted, or could not be sent (nonce, funds, gas). */
export class TransactionError extends BaseError {
  override name = 'TransactionError';
}

/** The caller passed something invalid (out of range, wrong chain, missing account). */
export class InvalidParameterError extends BaseError {
  override name = 'InvalidParameterError';
}

/** Addresses, deployment file or client configuration are missing or wrong. */
export class ConfigError extends BaseError {
  override name = 'ConfigError';
}

/** Proving failed: the witness does not satisfy the circuit, or the artifacts are missing. */
export class ProofError extends BaseError {
  override name = 'ProofError';
}

/** A payload could not be decrypted: not addressed to this key, malformed or tampered with. */
export class DecryptionError extends BaseError {
  override name = 'DecryptionError';
}

/** Something expected on chain is not there (yet): a note, a message, an accepted checkpoint. */
export class NotFoundError extends BaseError {
  override name = 'NotFoundError';
}

/** Waiting for something on chain took longer than allowed. Retryable. */
export class WaitTimeoutError extends BaseError {
  override name = 'WaitTimeoutError';
  static override retryableByDefault = true;
}
