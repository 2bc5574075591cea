import type { Address } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type IsRelayerActiveParameters = { relayer: Address };
export type IsRelayerActiveReturnType = boolean;
export type IsRelayerActiveErrorType = ConfigError | TransportError;

/** Whether the relayer is admitted and staked at least minStake. */
export async function isRelayerActive(
  client: PilClient,
  parameters: IsRelayerActiveParameters,
): Promise<IsRelayerActiveReturnType> {
  return readPilContract<IsRelayerActiveReturnType>(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'isActive',
    args: [parameters.relayer],
  });
}
