import type { Address } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetOwedFeesParameters = { account: Address };
export type GetOwedFeesReturnType = bigint;
export type GetOwedFeesErrorType = ConfigError | TransportError;

/** Fees owed to `account` (the pool was short when it delivered). */
export async function getOwedFees(
  client: PilClient,
  parameters: GetOwedFeesParameters,
): Promise<GetOwedFeesReturnType> {
  return readPilContract<GetOwedFeesReturnType>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'owedFees',
    args: [parameters.account],
  });
}
