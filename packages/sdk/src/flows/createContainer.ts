import type { WriteResult } from '../actions/internal/contract.js';
import { sendCreateContainer } from '../actions/pc3/sendCreateContainer.js';
import type { PilPolicy } from '../clients/addresses.js';
import type { PilClient } from '../clients/createPilClient.js';
import { resolvePolicy } from '../clients/resolve.js';
import { buildCreateInput } from '../crypto/inputs.js';
import type { ContractRevertError, InvalidProofError, PolicyInactiveError } from '../errors/contract.js';
import type {
  ConfigError,
  InvalidParameterError,
  ProofError,
  TransactionError,
  TransportError,
} from '../errors/families.js';
import { mapError } from '../errors/map.js';
import type { PilRecipient } from '../keys/account.js';
import { createNote, type Note } from '../notes/note.js';
import { type Prover, toContractProof } from '../prover/prover.js';
import type { ContractProof } from '../types/proof.js';

export type CreateContainerParameters = {
  prover: Prover;
  /** The note's owner (often yourself: an account is a recipient). */
  recipient: PilRecipient;
  amount: bigint;
  /** Field element naming application state (default 0). */
  stateHash?: bigint | undefined;
  /** A policy name known to the client (from the deployments file) or the policy; default: the only one. */
  policy?: string | PilPolicy | undefined;
  memo?: Uint8Array | undefined;
};

export type CreateContainerReturnType = WriteResult & {
  note: Note;
  /** Leaf in this chain's tree (undefined while pending attestation). */
  leafIndex: bigint | undefined;
  pending: boolean;
  chainId: number;
  /** Milliseconds spent proving. */
  proveMs: number;
  /** The create proof as sent. */
  proof: ContractProof;
};

export type CreateContainerErrorType =
  | PolicyInactiveError
  | InvalidProofError
  | ContractRevertError
  | InvalidParameterError
  | ProofError
  | ConfigError
  | TransactionError
  | TransportError;

/**
 * Creates a container: a note for `recipient` with an encrypted payload, a
 * `container_create` proof, and `createContainer` on chain.
 */
export async function createContainer(
  client: PilClient,
  parameters: CreateContainerParameters,
): Promise<CreateContainerReturnType> {
  const policy = typeof parameters.policy === 'object' ? parameters.policy : resolvePolicy(client, parameters.policy);
  const note = await createNote({
    recipient: parameters.recipient,
    amount: parameters.amount,
    stateHash: parameters.stateHash ?? 0n,
    policyHash: policy.policyHash,
    memo: parameters.memo,
  });
  const { input } = await buildCreateInput({
    note: {
      npk: note.npk,
      amount: note.amount,
      stateHash: note.stateHash,
      payloadHash: note.payloadHash,
      blinding: note.blinding,
    },
    policy,
  }).catch((err: unknown) => {
    throw wrapInput(err);
  });
  const started = performance.now();
  const { proof } = await parameters.prover.prove('container_create', input);
  const proveMs = performance.now() - started;
  const contractProof = toContractProof(proof);
  const result = await sendCreateContainer(client, {
    proof: contractProof,
    commitment: note.commitment,
    policyHash: policy.policyHash,
    ciphertext: note.ciphertext,
  });
  return { ...result, note, chainId: client.chainId, proveMs, proof: contractProof };
}

function wrapInput(err: unknown) {
  return mapError(err, { action: 'building the create proof input' });
}
