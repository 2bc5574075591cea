import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetMinStakeParameters = undefined;
export type GetMinStakeReturnType = bigint;
export type GetMinStakeErrorType = ConfigError | TransportError;

/** The stake a relayer needs to be active. */
export async function getMinStake(client: PilClient): Promise<GetMinStakeReturnType> {
  return readPilContract<GetMinStakeReturnType>(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'minStake',
  });
}
