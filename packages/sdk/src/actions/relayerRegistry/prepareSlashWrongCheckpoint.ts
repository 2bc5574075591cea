import type { Hex } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, InvalidParameterError } from '../../errors/families.js';
import type { CheckpointStruct } from '../../types/proof.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareSlashWrongCheckpointParameters = { checkpoint: CheckpointStruct; signature: Hex };
export type PrepareSlashWrongCheckpointReturnType = PreparedCall;
export type PrepareSlashWrongCheckpointErrorType = ConfigError | InvalidParameterError;

/** `RelayerRegistry.slashWrongCheckpoint` on the checkpoint's source chain, encoded but not sent. */
export function prepareSlashWrongCheckpoint(
  client: PilClient,
  parameters: PrepareSlashWrongCheckpointParameters,
): PrepareSlashWrongCheckpointReturnType {
  return preparePilCall(client, {
    contract: 'relayerRegistry',
    label: 'RelayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'slashWrongCheckpoint',
    args: [parameters.checkpoint, parameters.signature],
  });
}
