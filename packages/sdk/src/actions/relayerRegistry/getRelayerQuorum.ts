import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetRelayerQuorumParameters = undefined;
export type GetRelayerQuorumReturnType = bigint;
export type GetRelayerQuorumErrorType = ConfigError | TransportError;

/** Signatures needed to accept a checkpoint. */
export async function getRelayerQuorum(client: PilClient): Promise<GetRelayerQuorumReturnType> {
  return readPilContract<GetRelayerQuorumReturnType>(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'quorum',
  });
}
