import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type WithdrawStakeParameters = WriteOptions | undefined;
export type WithdrawStakeReturnType = WriteResult;
export type WithdrawStakeErrorType = ContractRevertError | ConfigError | TransactionError | TransportError;

/** Withdraws stake whose unbonding period has passed. Simulates, sends with the client's account and waits for the receipt. */
export async function withdrawStake(
  client: PilClient,
  parameters?: WithdrawStakeParameters,
): Promise<WithdrawStakeReturnType> {
  return writePilContract(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'withdraw',
    gas: parameters?.gas,
  });
}
