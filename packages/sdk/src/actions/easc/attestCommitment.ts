import type { Hex } from 'viem';
import { executionAgnosticStateCommitmentsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type AttestCommitmentParameters = WriteOptions & { commitment: bigint; backendId: Hex; signature: Hex };
export type AttestCommitmentReturnType = WriteResult;
export type AttestCommitmentErrorType = ContractRevertError | ConfigError | TransactionError | TransportError;

/** Submits a backend's attestation of a pending commitment; at the quorum it enters the tree. Simulates, sends with the client's account and waits for the receipt. */
export async function attestCommitment(
  client: PilClient,
  parameters: AttestCommitmentParameters,
): Promise<AttestCommitmentReturnType> {
  return writePilContract(client, {
    contract: 'easc',
    abi: executionAgnosticStateCommitmentsAbi,
    functionName: 'attestCommitment',
    args: [parameters.commitment, parameters.backendId, parameters.signature],
    gas: parameters.gas,
  });
}
