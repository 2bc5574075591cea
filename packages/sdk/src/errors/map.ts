/**
 * The one place where foreign errors (viem, JSON-RPC, snarkjs, crypto) become SDK
 * errors, and where it is decided what is retryable.
 */
import {
  type Address,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Hex,
  InsufficientFundsError,
  NonceTooLowError,
  BaseError as ViemBaseError,
} from 'viem';
import { FieldRangeError } from '../crypto/field.js';
import { TreeFullError } from '../crypto/tree.js';
import { PayloadDecryptionError } from '../encryption/payload.js';
import { pilErrorsAbi } from './abi.js';
import { BaseError } from './base.js';
import { contractRevertError } from './contract.js';
import { DecryptionError, InvalidParameterError, RpcError, TransactionError, TransportError } from './families.js';

export type MapErrorContext = {
  contractAddress?: Address | undefined;
  functionName?: string | undefined;
  /** What was being done, for the details line (e.g. "createContainer on chain 31337"). */
  action?: string | undefined;
};

const transportNames = new Set([
  'HttpRequestError',
  'WebSocketRequestError',
  'TimeoutError',
  'SocketClosedError',
  'RpcRequestError',
]);

/** JSON-RPC error codes worth retrying: limit exceeded, resource unavailable, internal, rate limit. */
const retryableRpcCodes = new Set([-32005, -32002, -32603, 429, 503]);

/** Maps anything thrown into an SDK BaseError (returns it unchanged when it already is one). */
export function mapError(err: unknown, context: MapErrorContext = {}): BaseError {
  if (err instanceof BaseError) return err;
  const details = context.action;
  if (err instanceof ViemBaseError) {
    const revert = decodeRevert(err);
    if (revert) {
      return contractRevertError({
        errorName: revert.errorName,
        args: revert.args,
        contractAddress: context.contractAddress,
        functionName: context.functionName,
        details,
        cause: err,
      });
    }
    const transport = err.walk((e) => e instanceof ViemBaseError && transportNames.has(e.name));
    if (transport instanceof ViemBaseError) {
      const code = (transport as { status?: number }).status;
      return new TransportError('The JSON-RPC endpoint did not answer', {
        details: [details, transport.shortMessage].filter(Boolean).join(': '),
        hint: 'Check the RPC URL and that the node runs; retrying may succeed',
        retryable: code === undefined || code === 429 || code >= 500 || transport.name !== 'HttpRequestError',
        cause: err,
      });
    }
    if (err.walk((e) => e instanceof NonceTooLowError)) {
      return new TransactionError('The account nonce is too low', { details, retryable: true, cause: err });
    }
    if (err.walk((e) => e instanceof InsufficientFundsError)) {
      return new TransactionError('The account cannot pay for this transaction', { details, cause: err });
    }
    const rpc = err.walk((e) => typeof (e as { code?: unknown }).code === 'number') as { code?: number } | undefined;
    if (rpc?.code !== undefined && err.walk((e) => e instanceof Error && e.name.endsWith('RpcError'))) {
      return new RpcError(err.shortMessage, {
        code: rpc.code,
        details,
        retryable: retryableRpcCodes.has(rpc.code),
        cause: err,
      });
    }
    if (err.walk((e) => e instanceof ContractFunctionRevertedError)) {
      return new TransactionError('The contract reverted without a known reason', { details, cause: err });
    }
    return new TransactionError(err.shortMessage, { details, cause: err });
  }
  if (err instanceof PayloadDecryptionError) {
    return new DecryptionError(err.message, { details, cause: err });
  }
  if (err instanceof FieldRangeError || err instanceof TreeFullError || err instanceof RangeError) {
    return new InvalidParameterError(err.message, { details, cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new BaseError(`Unexpected error: ${message}`, { details, cause: err });
}

/** The decoded custom error of a revert anywhere in the cause chain, if it is one of PIL's. */
export function decodeRevert(err: ViemBaseError): { errorName: string; args: readonly unknown[] } | undefined {
  const reverted = err.walk((e) => e instanceof ContractFunctionRevertedError) as
    | ContractFunctionRevertedError
    | undefined;
  if (reverted?.data?.errorName && reverted.data.errorName !== 'Error' && reverted.data.errorName !== 'Panic') {
    return { errorName: reverted.data.errorName, args: reverted.data.args ?? [] };
  }
  const raw = reverted?.raw ?? findRevertData(err);
  if (!raw || raw === '0x') return undefined;
  try {
    const decoded = decodeErrorResult({ abi: pilErrorsAbi, data: raw });
    return { errorName: decoded.errorName, args: (decoded.args ?? []) as readonly unknown[] };
  } catch {
    return undefined;
  }
}

function findRevertData(err: ViemBaseError): Hex | undefined {
  let found: Hex | undefined;
  err.walk((e) => {
    const data = (e as { data?: unknown }).data;
    if (typeof data === 'string' && data.startsWith('0x') && data.length >= 10) found = data as Hex;
    else if (data && typeof data === 'object' && typeof (data as { data?: unknown }).data === 'string') {
      found = (data as { data: Hex }).data;
    }
    return found !== undefined;
  });
  return found;
}
