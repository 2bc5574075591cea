import { executionAgnosticStateCommitmentsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetPendingCommitmentParameters = { commitment: bigint };
export type GetPendingCommitmentReturnType = {
  policyHash: bigint;
  quorum: number;
  attestations: number;
  finalized: boolean;
  registered: boolean;
};
export type GetPendingCommitmentErrorType = ConfigError | TransportError;

/** A commitment waiting for attestations. */
export async function getPendingCommitment(
  client: PilClient,
  parameters: GetPendingCommitmentParameters,
): Promise<GetPendingCommitmentReturnType> {
  return readPilContract<GetPendingCommitmentReturnType>(client, {
    contract: 'easc',
    abi: executionAgnosticStateCommitmentsAbi,
    functionName: 'getPending',
    args: [parameters.commitment],
  });
}
