import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetRelayerSetEpochParameters = undefined;
export type GetRelayerSetEpochReturnType = bigint;
export type GetRelayerSetEpochErrorType = ConfigError | TransportError;

/** The relayer-set epoch (checkpoint votes count per epoch). */
export async function getRelayerSetEpoch(client: PilClient): Promise<GetRelayerSetEpochReturnType> {
  return readPilContract<GetRelayerSetEpochReturnType>(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'epoch',
  });
}
