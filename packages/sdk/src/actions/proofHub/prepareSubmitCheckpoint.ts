import type { Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, InvalidParameterError } from '../../errors/families.js';
import type { CheckpointStruct } from '../../types/proof.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareSubmitCheckpointParameters = { checkpoint: CheckpointStruct; signatures: readonly Hex[] };
export type PrepareSubmitCheckpointReturnType = PreparedCall;
export type PrepareSubmitCheckpointErrorType = ConfigError | InvalidParameterError;

/** `CrossChainProofHub.submitCheckpoint`, encoded but not sent (for senders that manage nonces and fees). */
export function prepareSubmitCheckpoint(
  client: PilClient,
  parameters: PrepareSubmitCheckpointParameters,
): PrepareSubmitCheckpointReturnType {
  return preparePilCall(client, {
    contract: 'proofHub',
    label: 'CrossChainProofHub',
    abi: crossChainProofHubAbi,
    functionName: 'submitCheckpoint',
    args: [parameters.checkpoint, parameters.signatures],
  });
}
