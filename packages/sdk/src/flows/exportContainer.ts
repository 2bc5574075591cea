import type { Hex } from 'viem';
import type { WriteResult } from '../actions/internal/contract.js';
import { sendExportContainer } from '../actions/pc3/sendExportContainer.js';
import type { PilClient } from '../clients/createPilClient.js';
import type { OutboxMessage } from '../crypto/message.js';
import type {
  ContractRevertError,
  InvalidProofError,
  NullifierAlreadyConsumedError,
  PolicyInactiveError,
  UnknownRootError,
} from '../errors/contract.js';
import {
  type ConfigError,
  type InvalidParameterError,
  type ProofError,
  TransactionError,
  type TransportError,
} from '../errors/families.js';
import type { PilAccount, PilRecipient } from '../keys/account.js';
import type { Note, OwnedNote } from '../notes/note.js';
import type { Prover } from '../prover/prover.js';
import { type PreparedSpend, prepareSpend } from './spend.js';

export type ExportContainerParameters = {
  prover: Prover;
  /** The owner of `note`. */
  account: PilAccount;
  note: OwnedNote;
  dstChainId: number;
  /** Owner of the note on the destination (default: the same account). */
  recipient?: PilRecipient | undefined;
  /** Relayer fee in wei (paid into this chain's fee pool, reimbursed to the importer on the destination). */
  fee?: bigint | undefined;
  memo?: Uint8Array | undefined;
};

export type ExportContainerReturnType = WriteResult & {
  messageId: Hex;
  message: OutboxMessage;
  /** The note that will exist on the destination after import. */
  dstNote: Note;
  srcChainId: number;
  dstChainId: number;
  proveMs: number;
  /** The spend proof and arguments as sent. */
  spend: PreparedSpend;
};

export type ExportContainerErrorType =
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

/**
 * Exports a note to another chain: spends it with a `container_spend` proof whose
 * destination domain is `dstChainId`'s, appending a message to this chain's outbox.
 * Relayers then checkpoint the outbox on the destination; see `importContainer`.
 */
export async function exportContainer(
  client: PilClient,
  parameters: ExportContainerParameters,
): Promise<ExportContainerReturnType> {
  const spend = await prepareSpend(client, {
    prover: parameters.prover,
    account: parameters.account,
    note: parameters.note,
    recipient: parameters.recipient ?? parameters.account,
    dstChainId: parameters.dstChainId,
    memo: parameters.memo,
  });
  const result = await sendExportContainer(client, {
    proof: spend.proof,
    args: spend.args,
    dstChainId: BigInt(parameters.dstChainId),
    ciphertext: spend.dstNote.ciphertext,
    fee: parameters.fee,
  });
  if (!result.message) {
    throw new TransactionError('The export was refused: the proof verified only under a retired key (fee refunded)', {
      hint: 'Update the SDK (its circuit artifacts) to the keys the chain uses now',
    });
  }
  return {
    ...result,
    message: result.message,
    dstNote: spend.dstNote,
    srcChainId: client.chainId,
    dstChainId: parameters.dstChainId,
    proveMs: spend.proveMs,
    spend,
  };
}
