import type { Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetOutboxRootAtParameters = { count: bigint };
export type GetOutboxRootAtReturnType = Hex;
export type GetOutboxRootAtErrorType = ConfigError | TransportError;

/** The outbox root after `count` messages. */
export async function getOutboxRootAt(
  client: PilClient,
  parameters: GetOutboxRootAtParameters,
): Promise<GetOutboxRootAtReturnType> {
  return readPilContract<GetOutboxRootAtReturnType>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'rootAt',
    args: [parameters.count],
  });
}
