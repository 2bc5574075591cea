import type { Address, Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type IsAcceptedRootParameters = { srcChainId: bigint; srcHub: Address; root: Hex };
export type IsAcceptedRootReturnType = boolean;
export type IsAcceptedRootErrorType = ConfigError | TransportError;

/** Whether a quorum accepted `root` for the source hub. */
export async function isAcceptedRoot(
  client: PilClient,
  parameters: IsAcceptedRootParameters,
): Promise<IsAcceptedRootReturnType> {
  return readPilContract<IsAcceptedRootReturnType>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'isAcceptedRoot',
    args: [parameters.srcChainId, parameters.srcHub, parameters.root],
  });
}
