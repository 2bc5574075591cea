import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetOutboxCountParameters = undefined;
export type GetOutboxCountReturnType = bigint;
export type GetOutboxCountErrorType = ConfigError | TransportError;

/** Messages in the outbox. */
export async function getOutboxCount(client: PilClient): Promise<GetOutboxCountReturnType> {
  return readPilContract<GetOutboxCountReturnType>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'outboxCount',
  });
}
