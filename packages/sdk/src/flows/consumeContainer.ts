import type { WriteResult } from '../actions/internal/contract.js';
import { sendConsumeContainer } from '../actions/pc3/sendConsumeContainer.js';
import type { PilClient } from '../clients/createPilClient.js';
import type {
  ContractRevertError,
  InvalidProofError,
  NullifierAlreadyConsumedError,
  PolicyInactiveError,
  UnknownRootError,
} from '../errors/contract.js';
import type {
  ConfigError,
  InvalidParameterError,
  ProofError,
  TransactionError,
  TransportError,
} from '../errors/families.js';
import type { PilAccount, PilRecipient } from '../keys/account.js';
import type { Note, OwnedNote } from '../notes/note.js';
import type { Prover } from '../prover/prover.js';
import { prepareSpend } from './spend.js';

export type ConsumeContainerParameters = {
  prover: Prover;
  account: PilAccount;
  note: OwnedNote;
  /** Owner of the new note (default: the same account). */
  recipient?: PilRecipient | undefined;
  memo?: Uint8Array | undefined;
};

export type ConsumeContainerReturnType = WriteResult & {
  /** The new note (same amount, state and policy; new owner, payload and blinding). */
  dstNote: Note;
  leafIndex: bigint | undefined;
  pending: boolean;
  proveMs: number;
};

export type ConsumeContainerErrorType =
  | NullifierAlreadyConsumedError
  | UnknownRootError
  | PolicyInactiveError
  | InvalidProofError
  | ContractRevertError
  | InvalidParameterError
  | ProofError
  | ConfigError
  | TransactionError
  | TransportError;

/** Spends a note locally into a new note (for `recipient`) in the same chain's tree. */
export async function consumeContainer(
  client: PilClient,
  parameters: ConsumeContainerParameters,
): Promise<ConsumeContainerReturnType> {
  const spend = await prepareSpend(client, {
    prover: parameters.prover,
    account: parameters.account,
    note: parameters.note,
    recipient: parameters.recipient ?? parameters.account,
    dstChainId: client.chainId,
    memo: parameters.memo,
  });
  const result = await sendConsumeContainer(client, {
    proof: spend.proof,
    args: spend.args,
    ciphertext: spend.dstNote.ciphertext,
  });
  return { ...result, dstNote: spend.dstNote, proveMs: spend.proveMs };
}
