import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type StakeParameters = WriteOptions & { value: bigint };
export type StakeReturnType = WriteResult;
export type StakeErrorType = ContractRevertError | ConfigError | TransactionError | TransportError;

/** Bonds `value` wei of stake for the caller. Simulates, sends with the client's account and waits for the receipt. */
export async function stake(client: PilClient, parameters: StakeParameters): Promise<StakeReturnType> {
  return writePilContract(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'stake',
    value: parameters.value,
    gas: parameters.gas,
  });
}
