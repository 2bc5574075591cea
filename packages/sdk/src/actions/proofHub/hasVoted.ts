import type { Address } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import type { CheckpointStruct } from '../../types/proof.js';
import { readPilContract } from '../internal/contract.js';

export type HasVotedParameters = { checkpoint: CheckpointStruct; signer: Address };
export type HasVotedReturnType = boolean;
export type HasVotedErrorType = ConfigError | TransportError;

/** Whether `signer` voted for the checkpoint at the current epoch. */
export async function hasVoted(client: PilClient, parameters: HasVotedParameters): Promise<HasVotedReturnType> {
  return readPilContract<HasVotedReturnType>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'hasVoted',
    args: [parameters.checkpoint, parameters.signer],
  });
}
