import type { Address, Hash, Hex } from 'viem';
import { decodePilEvents } from '../actions/internal/events.js';
import { getPilEvents } from '../actions/shared/getPilEvents.js';
import type { PilClient } from '../clients/createPilClient.js';
import { type TransportError, WaitTimeoutError } from '../errors/families.js';
import { mapError } from '../errors/map.js';

export type WaitForImportParameters = {
  messageId: Hex;
  /** Give up after this many ms (default 120,000). */
  timeout?: number | undefined;
  /** Poll every this many ms (default: the client's polling interval). */
  pollingInterval?: number | undefined;
};

export type WaitForImportReturnType = {
  messageId: Hex;
  commitment: bigint;
  /** Leaf of the note in the destination tree (undefined when pending attestation). */
  leafIndex: bigint | undefined;
  relayer: Address;
  paid: bigint;
  blockNumber: bigint;
  transactionHash: Hash;
};

export type WaitForImportErrorType = WaitTimeoutError | TransportError;

/** Resolves when message `messageId` is imported on the client's chain (by anyone). */
export async function waitForImport(
  client: PilClient,
  parameters: WaitForImportParameters,
): Promise<WaitForImportReturnType> {
  const timeout = parameters.timeout ?? 120_000;
  const interval = parameters.pollingInterval ?? client.public.pollingInterval;
  const deadline = Date.now() + timeout;
  for (;;) {
    const [event] = await getPilEvents(client, {
      contract: 'proofHub',
      eventName: 'MessageImported',
      args: { messageId: parameters.messageId },
    });
    if (event) {
      let receiptEvents: ReturnType<typeof decodePilEvents>;
      try {
        const receipt = await client.public.getTransactionReceipt({ hash: event.transactionHash });
        receiptEvents = decodePilEvents(receipt.logs);
      } catch (err) {
        throw mapError(err, { action: 'waitForImport receipt' });
      }
      const commitment = event.args.commitment as bigint;
      const inserted = receiptEvents.find(
        (e) => e.eventName === 'CommitmentInserted' && (e.args.commitment as bigint) === commitment,
      );
      return {
        messageId: parameters.messageId,
        commitment,
        leafIndex: inserted?.args.leafIndex as bigint | undefined,
        relayer: event.args.relayer as Address,
        paid: event.args.paid as bigint,
        blockNumber: event.blockNumber,
        transactionHash: event.transactionHash,
      };
    }
    if (Date.now() + interval > deadline) {
      throw new WaitTimeoutError(
        `Message ${parameters.messageId} was not imported on chain ${client.chainId} within ${timeout} ms`,
        {
          hint: 'Relayers checkpoint the source outbox and import; check they run (or import it yourself with importContainer)',
        },
      );
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
