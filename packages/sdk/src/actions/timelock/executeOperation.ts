import { encodeFunctionData, type Hash, type TransactionReceipt } from 'viem';
import type { PilClient } from '../../clients/createPilClient.js';
import { getWallet } from '../../clients/resolve.js';
import { BaseError } from '../../errors/base.js';
import type { ContractRevertError } from '../../errors/contract.js';
import {
  type ConfigError,
  InvalidParameterError,
  TransactionError,
  type TransportError,
} from '../../errors/families.js';
import { mapError } from '../../errors/map.js';
import { decodePilEvents, type PilEvent } from '../internal/events.js';
import { getOperationStatus } from './getOperationStatus.js';
import type { TimelockOperation } from './getOperations.js';
import { timelockAbi } from './timelockAbi.js';

/** The operation's delay has not passed: `eta` (unix seconds, chain time) says when it may run. */
export class OperationNotReadyError extends BaseError {
  override name = 'OperationNotReadyError';
  readonly eta: bigint;
  readonly now: bigint;
  constructor(id: string, eta: bigint, now: bigint) {
    super(`Timelock operation ${id} is not ready until ${new Date(Number(eta) * 1000).toISOString()}`, {
      details: `${eta - now} s from now (chain time)`,
      hint: 'Execute it after the ETA',
    });
    this.eta = eta;
    this.now = now;
  }
}

export type ExecuteOperationParameters = {
  operation: Pick<TimelockOperation, 'id' | 'timelock' | 'calls' | 'predecessor' | 'salt'>;
};
export type ExecuteOperationReturnType = { hash: Hash; receipt: TransactionReceipt; events: PilEvent[] };
export type ExecuteOperationErrorType =
  | OperationNotReadyError
  | InvalidParameterError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/**
 * Executes a ready timelock operation with the client's account (PIL's timelocks
 * have an open executor role). Refuses before sending anything when the operation
 * is waiting (OperationNotReadyError with the ETA), done or not scheduled.
 */
export async function executeOperation(
  client: PilClient,
  parameters: ExecuteOperationParameters,
): Promise<ExecuteOperationReturnType> {
  const { operation: op } = parameters;
  const wallet = getWallet(client);
  const { status, eta } = await getOperationStatus(client, { timelock: op.timelock, id: op.id });
  if (status === 'waiting') {
    const block = await client.public.getBlock({ blockTag: 'latest' });
    throw new OperationNotReadyError(op.id, eta!, block.timestamp);
  }
  if (status === 'done') throw new InvalidParameterError(`Timelock operation ${op.id} was already executed`);
  if (status === 'unset')
    throw new InvalidParameterError(`Timelock operation ${op.id} is not scheduled (or was cancelled)`);
  const single = op.calls.length === 1;
  const data = single
    ? encodeFunctionData({
        abi: timelockAbi,
        functionName: 'execute',
        args: [op.calls[0]!.target, op.calls[0]!.value, op.calls[0]!.data, op.predecessor, op.salt],
      })
    : encodeFunctionData({
        abi: timelockAbi,
        functionName: 'executeBatch',
        args: [
          op.calls.map((c) => c.target),
          op.calls.map((c) => c.value),
          op.calls.map((c) => c.data),
          op.predecessor,
          op.salt,
        ],
      });
  const value = op.calls.reduce((s, c) => s + c.value, 0n);
  const context = {
    contractAddress: op.timelock,
    functionName: single ? 'execute' : 'executeBatch',
    action: `timelock operation ${op.id} on chain ${client.chainId}`,
  };
  let hash: Hash;
  try {
    await client.public.call({ account: wallet.account, to: op.timelock, data, value });
    hash = await wallet.sendTransaction({ to: op.timelock, data, value, account: wallet.account, chain: wallet.chain });
  } catch (err) {
    throw mapError(err, context);
  }
  const receipt = await client.public.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success')
    throw new TransactionError(`Transaction ${hash} reverted`, { details: context.action });
  return { hash, receipt, events: decodePilEvents(receipt.logs) };
}
