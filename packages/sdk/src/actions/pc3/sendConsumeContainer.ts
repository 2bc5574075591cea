import { type ByteArray, bytesToHex, type Hex } from 'viem';
import { proofCarryingContainerAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type {
  ContractRevertError,
  EnforcedPauseError,
  InvalidProofError,
  NullifierAlreadyConsumedError,
  PolicyInactiveError,
  UnknownRootError,
} from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import type { ContractProof, SpendArgs } from '../../types/proof.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type SendConsumeContainerParameters = WriteOptions & {
  proof: ContractProof;
  args: SpendArgs;
  /** The new note's ciphertext (its hash is the proof's dstPayloadHash). */
  ciphertext: Hex | ByteArray;
};

export type SendConsumeContainerReturnType = WriteResult & {
  /** Leaf of the new note, when inserted (no attestation quorum). */
  leafIndex: bigint | undefined;
  root: bigint | undefined;
  pending: boolean;
};

export type SendConsumeContainerErrorType =
  | NullifierAlreadyConsumedError
  | UnknownRootError
  | PolicyInactiveError
  | InvalidProofError
  | EnforcedPauseError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** `ProofCarryingContainer.consumeContainer`: spends a note locally into a new note (proof made by the caller). */
export async function sendConsumeContainer(
  client: PilClient,
  parameters: SendConsumeContainerParameters,
): Promise<SendConsumeContainerReturnType> {
  const ciphertext =
    typeof parameters.ciphertext === 'string' ? parameters.ciphertext : bytesToHex(parameters.ciphertext);
  const result = await writePilContract(client, {
    contract: 'pc3',
    abi: proofCarryingContainerAbi,
    functionName: 'consumeContainer',
    args: [parameters.proof, parameters.args, ciphertext],
    gas: parameters.gas,
  });
  const inserted = result.events.find((e) => e.eventName === 'CommitmentInserted');
  return {
    ...result,
    leafIndex: inserted?.args.leafIndex as bigint | undefined,
    root: inserted?.args.root as bigint | undefined,
    pending: result.events.some((e) => e.eventName === 'CommitmentPending'),
  };
}
