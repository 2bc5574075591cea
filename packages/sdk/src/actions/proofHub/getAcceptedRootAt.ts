import type { Address, Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetAcceptedRootAtParameters = { srcChainId: bigint; srcHub: Address; count: bigint };
export type GetAcceptedRootAtReturnType = Hex;
export type GetAcceptedRootAtErrorType = ConfigError | TransportError;

/** The accepted root of the source hub at `count` (zero if none). */
export async function getAcceptedRootAt(
  client: PilClient,
  parameters: GetAcceptedRootAtParameters,
): Promise<GetAcceptedRootAtReturnType> {
  return readPilContract<GetAcceptedRootAtReturnType>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'acceptedRootAt',
    args: [parameters.srcChainId, parameters.srcHub, parameters.count],
  });
}
