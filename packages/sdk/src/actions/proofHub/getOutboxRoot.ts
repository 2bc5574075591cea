import type { Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetOutboxRootParameters = undefined;
export type GetOutboxRootReturnType = Hex;
export type GetOutboxRootErrorType = ConfigError | TransportError;

/** The current outbox root. */
export async function getOutboxRoot(client: PilClient): Promise<GetOutboxRootReturnType> {
  return readPilContract<GetOutboxRootReturnType>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'outboxRoot',
  });
}
