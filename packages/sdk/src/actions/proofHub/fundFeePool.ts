import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type FundFeePoolParameters = WriteOptions & { value: bigint };
export type FundFeePoolReturnType = WriteResult;
export type FundFeePoolErrorType = ContractRevertError | ConfigError | TransactionError | TransportError;

/** Adds `value` wei to the hub's fee pool. Simulates, sends with the client's account and waits for the receipt. */
export async function fundFeePool(
  client: PilClient,
  parameters: FundFeePoolParameters,
): Promise<FundFeePoolReturnType> {
  return writePilContract(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'fundFeePool',
    value: parameters.value,
    gas: parameters.gas,
  });
}
