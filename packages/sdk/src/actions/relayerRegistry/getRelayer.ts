import type { Address } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetRelayerParameters = { relayer: Address };
export type GetRelayerReturnType = { admitted: boolean; unbondingReadyAt: bigint; bonded: bigint; unbonding: bigint };
export type GetRelayerErrorType = ConfigError | TransportError;

/** A relayer: admission, bonded and unbonding stake. */
export async function getRelayer(client: PilClient, parameters: GetRelayerParameters): Promise<GetRelayerReturnType> {
  return readPilContract<GetRelayerReturnType>(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'getRelayer',
    args: [parameters.relayer],
  });
}
