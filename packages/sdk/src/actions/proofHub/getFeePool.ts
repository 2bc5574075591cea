import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetFeePoolParameters = undefined;
export type GetFeePoolReturnType = bigint;
export type GetFeePoolErrorType = ConfigError | TransportError;

/** ETH in the fee pool. */
export async function getFeePool(client: PilClient): Promise<GetFeePoolReturnType> {
  return readPilContract<GetFeePoolReturnType>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'feePool',
  });
}
