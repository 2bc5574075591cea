import type { Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, SignerNotActiveError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import type { CheckpointStruct } from '../../types/proof.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type SubmitCheckpointParameters = WriteOptions & { checkpoint: CheckpointStruct; signatures: readonly Hex[] };
export type SubmitCheckpointReturnType = WriteResult;
export type SubmitCheckpointErrorType =
  | SignerNotActiveError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** Submits relayer signatures of a source outbox checkpoint; the root is accepted at the quorum. Anyone may submit. Simulates, sends with the client's account and waits for the receipt. */
export async function submitCheckpoint(
  client: PilClient,
  parameters: SubmitCheckpointParameters,
): Promise<SubmitCheckpointReturnType> {
  return writePilContract(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'submitCheckpoint',
    args: [parameters.checkpoint, parameters.signatures],
    gas: parameters.gas,
  });
}
