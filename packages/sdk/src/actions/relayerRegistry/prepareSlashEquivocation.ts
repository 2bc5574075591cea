import type { Hex } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, InvalidParameterError } from '../../errors/families.js';
import type { CheckpointStruct } from '../../types/proof.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareSlashEquivocationParameters = {
  a: CheckpointStruct;
  signatureA: Hex;
  b: CheckpointStruct;
  signatureB: Hex;
};
export type PrepareSlashEquivocationReturnType = PreparedCall;
export type PrepareSlashEquivocationErrorType = ConfigError | InvalidParameterError;

/** `RelayerRegistry.slashEquivocation` (two roots signed for one count; any chain), encoded but not sent. */
export function prepareSlashEquivocation(
  client: PilClient,
  parameters: PrepareSlashEquivocationParameters,
): PrepareSlashEquivocationReturnType {
  return preparePilCall(client, {
    contract: 'relayerRegistry',
    label: 'RelayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'slashEquivocation',
    args: [parameters.a, parameters.signatureA, parameters.b, parameters.signatureB],
  });
}
