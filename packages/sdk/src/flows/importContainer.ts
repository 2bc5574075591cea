import type { Hex } from 'viem';
import { type ImportMessageReturnType, importMessage } from '../actions/proofHub/importMessage.js';
import { getPilEvents } from '../actions/shared/getPilEvents.js';
import type { PilClient } from '../clients/createPilClient.js';
import { outboxProof, outboxRoot } from '../crypto/message.js';
import type { ContractRevertError, MessageAlreadyImportedError, RootNotAcceptedError } from '../errors/contract.js';
import { type ConfigError, NotFoundError, type TransactionError, type TransportError } from '../errors/families.js';
import { getOutboxMessages } from './outbox.js';

export type ImportContainerParameters = {
  /** A client of the source chain (reads its outbox). */
  source: PilClient;
  messageId: Hex;
  /** An accepted root to import under (default: the first accepted checkpoint that covers the message). */
  root?: Hex | undefined;
};

export type ImportContainerReturnType = ImportMessageReturnType & {
  commitment: bigint;
  /** The accepted outbox root used. */
  root: Hex;
};

export type ImportContainerErrorType =
  | RootNotAcceptedError
  | MessageAlreadyImportedError
  | NotFoundError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/**
 * Imports an exported container on the destination (the client's chain): reads the
 * message and ciphertext from the source's outbox, finds an accepted checkpoint of
 * the source outbox that covers it, proves inclusion and calls `importMessage`.
 * Anyone may do this (relayers do; the caller earns the message's fee).
 */
export async function importContainer(
  client: PilClient,
  parameters: ImportContainerParameters,
): Promise<ImportContainerReturnType> {
  const entries = await getOutboxMessages(parameters.source);
  const entry = entries.find((e) => e.messageId === parameters.messageId);
  if (!entry) {
    throw new NotFoundError(`No message ${parameters.messageId} in the outbox of chain ${parameters.source.chainId}`);
  }
  const index = Number(entry.message.index);
  let root = parameters.root;
  let count: number | undefined;
  if (root) {
    for (let c = index + 1; c <= entries.length && count === undefined; c++) {
      if (outboxRoot(entries.slice(0, c).map((e) => e.leaf)) === root) count = c;
    }
    if (count === undefined) throw new NotFoundError(`Root ${root} does not cover message index ${index}`);
  } else {
    const accepted = await getPilEvents(client, {
      contract: 'proofHub',
      eventName: 'CheckpointAccepted',
      args: { srcChainId: entry.message.srcChainId, srcHub: entry.message.srcHub },
    });
    const covering = accepted
      .map((e) => ({ count: Number(e.args.count as bigint), root: e.args.root as Hex }))
      .filter((c) => c.count > index && c.count <= entries.length)
      .sort((a, b) => a.count - b.count)[0];
    if (!covering) {
      throw new NotFoundError(
        `No accepted checkpoint of chain ${parameters.source.chainId}'s outbox covers message ${index} yet`,
        { hint: 'Relayers must sign a checkpoint of the outbox after the export; retry later', retryable: true },
      );
    }
    root = covering.root;
    count = covering.count;
  }
  const leaves = entries.slice(0, count).map((e) => e.leaf);
  const result = await importMessage(client, {
    message: entry.message,
    ciphertext: entry.ciphertext,
    proof: outboxProof(leaves, index),
    root,
  });
  return { ...result, commitment: entry.message.commitment, root };
}
