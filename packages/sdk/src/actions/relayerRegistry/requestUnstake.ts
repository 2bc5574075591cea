import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type RequestUnstakeParameters = WriteOptions & { amount: bigint };
export type RequestUnstakeReturnType = WriteResult;
export type RequestUnstakeErrorType = ContractRevertError | ConfigError | TransactionError | TransportError;

/** Starts unbonding `amount` of stake (slashable until withdrawn). Simulates, sends with the client's account and waits for the receipt. */
export async function requestUnstake(
  client: PilClient,
  parameters: RequestUnstakeParameters,
): Promise<RequestUnstakeReturnType> {
  return writePilContract(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'requestUnstake',
    args: [parameters.amount],
    gas: parameters.gas,
  });
}
