import { type ByteArray, bytesToHex, type Hex } from 'viem';
import { proofCarryingContainerAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type {
  ContractRevertError,
  EnforcedPauseError,
  InvalidProofError,
  PolicyInactiveError,
} from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import type { ContractProof } from '../../types/proof.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type SendCreateContainerParameters = WriteOptions & {
  proof: ContractProof;
  commitment: bigint;
  policyHash: bigint;
  /** The exact payload bytes whose hash the proof binds. */
  ciphertext: Hex | ByteArray;
};

export type SendCreateContainerReturnType = WriteResult & {
  /** Set when the commitment entered the tree (policies without attestation quorum). */
  leafIndex: bigint | undefined;
  /** The tree root after the insertion, when inserted. */
  root: bigint | undefined;
  /** True when the commitment waits in EASC for attestations. */
  pending: boolean;
};

export type SendCreateContainerErrorType =
  | PolicyInactiveError
  | InvalidProofError
  | EnforcedPauseError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/**
 * `ProofCarryingContainer.createContainer` with a proof you made yourself. Most callers
 * want the `createContainer` flow, which builds the note, encrypts and proves.
 */
export async function sendCreateContainer(
  client: PilClient,
  parameters: SendCreateContainerParameters,
): Promise<SendCreateContainerReturnType> {
  const ciphertext =
    typeof parameters.ciphertext === 'string' ? parameters.ciphertext : bytesToHex(parameters.ciphertext);
  const result = await writePilContract(client, {
    contract: 'pc3',
    abi: proofCarryingContainerAbi,
    functionName: 'createContainer',
    args: [parameters.proof, parameters.commitment, parameters.policyHash, ciphertext],
    gas: parameters.gas,
  });
  const created = result.events.find((e) => e.eventName === 'ContainerCreated');
  return {
    ...result,
    leafIndex: created?.args.leafIndex as bigint | undefined,
    root: created?.args.root as bigint | undefined,
    pending: result.events.some((e) => e.eventName === 'ContainerPending'),
  };
}
