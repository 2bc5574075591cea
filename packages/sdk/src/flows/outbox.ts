/**
 * The source side of a cross-chain move: the messages of a hub's outbox (from
 * `MessageExported`), checkpoints of the outbox, and relayer signatures of them.
 */
import type { Hex, LocalAccount } from 'viem';
import { getOutboxCount } from '../actions/proofHub/getOutboxCount.js';
import { getOutboxRootAt } from '../actions/proofHub/getOutboxRootAt.js';
import { getPilEvents } from '../actions/shared/getPilEvents.js';
import type { PilClient } from '../clients/createPilClient.js';
import { getPilAddress } from '../clients/resolve.js';
import { CHECKPOINT_DOMAIN, CHECKPOINT_TYPES, computeOutboxLeaf, type OutboxMessage } from '../crypto/message.js';
import { NotFoundError } from '../errors/families.js';
import type { CheckpointStruct } from '../types/proof.js';

export type OutboxEntry = { messageId: Hex; message: OutboxMessage; ciphertext: Hex; leaf: Hex; blockNumber: bigint };

/** Every message of the client's outbox, by index. */
export async function getOutboxMessages(client: PilClient): Promise<OutboxEntry[]> {
  const events = await getPilEvents(client, { contract: 'proofHub', eventName: 'MessageExported' });
  return events
    .map((e) => {
      const message = e.args.message as OutboxMessage;
      return {
        messageId: e.args.messageId as Hex,
        message,
        ciphertext: e.args.ciphertext as Hex,
        leaf: computeOutboxLeaf(message),
        blockNumber: e.blockNumber,
      };
    })
    .sort((a, b) => (a.message.index < b.message.index ? -1 : 1));
}

/** One exported message by id, or NotFoundError. */
export async function getOutboxMessage(client: PilClient, parameters: { messageId: Hex }): Promise<OutboxEntry> {
  const entry = (await getOutboxMessages(client)).find((m) => m.messageId === parameters.messageId);
  if (!entry) {
    throw new NotFoundError(`No message ${parameters.messageId} in the outbox of chain ${client.chainId}`, {
      docsPath: '#importcontainer',
    });
  }
  return entry;
}

/** The checkpoint of the client's outbox at `count` messages (default: all of them). */
export async function getOutboxCheckpoint(
  client: PilClient,
  parameters: { count?: bigint | undefined } = {},
): Promise<CheckpointStruct> {
  const count = parameters.count ?? (await getOutboxCount(client));
  return {
    srcChainId: BigInt(client.chainId),
    srcHub: getPilAddress(client, 'proofHub'),
    count,
    root: await getOutboxRootAt(client, { count }),
  };
}

/** A relayer's EIP-712 signature of a checkpoint (protocol §6; checkable on any chain). */
export async function signCheckpoint(signer: LocalAccount, checkpoint: CheckpointStruct): Promise<Hex> {
  return signer.signTypedData({
    domain: CHECKPOINT_DOMAIN,
    types: CHECKPOINT_TYPES,
    primaryType: 'Checkpoint',
    message: checkpoint,
  });
}
