import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetActiveRelayerCountParameters = undefined;
export type GetActiveRelayerCountReturnType = bigint;
export type GetActiveRelayerCountErrorType = ConfigError | TransportError;

/** Active relayers. */
export async function getActiveRelayerCount(client: PilClient): Promise<GetActiveRelayerCountReturnType> {
  return readPilContract<GetActiveRelayerCountReturnType>(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'activeCount',
  });
}
