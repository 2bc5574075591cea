import type { Address } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetRemoteHubParameters = { chainId: bigint };
export type GetRemoteHubReturnType = Address;
export type GetRemoteHubErrorType = ConfigError | TransportError;

/** The hub of a remote chain (zero when unknown). */
export async function getRemoteHub(
  client: PilClient,
  parameters: GetRemoteHubParameters,
): Promise<GetRemoteHubReturnType> {
  return readPilContract<GetRemoteHubReturnType>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'remoteHub',
    args: [parameters.chainId],
  });
}
