/**
 * Finding one's notes: scan the events that carry ciphertexts, skip foreign ones by
 * their view tag (one ECDH each, no decryption), open the rest and keep those whose
 * opening gives the event's commitment with the account's npk.
 *
 * Where ciphertexts are: `ContainerCreated` (creations), `ContainerConsumed` (local
 * spends; the leaf is in the same transaction's `CommitmentInserted`), and, for
 * imports, the source chain's `MessageExported` (the leaf on this chain is in
 * `CommitmentInserted` with source Import).
 */
import type { Hex } from 'viem';
import { isNullifierConsumed } from '../actions/cdna/isNullifierConsumed.js';
import { getPilEvents } from '../actions/shared/getPilEvents.js';
import type { PilClient } from '../clients/createPilClient.js';
import type { OutboxMessage } from '../crypto/message.js';
import type { PilAccount } from '../keys/account.js';
import { type OwnedNote, toOwnedNote, tryOpenNote } from './note.js';

export type ScanNotesParameters = {
  account: PilAccount;
  /** Clients of other chains whose exports to this chain should be recognised. */
  sources?: readonly PilClient[] | undefined;
  /** Also return spent notes (default false). */
  includeSpent?: boolean | undefined;
};

export type ScannedNote = OwnedNote & { spent: boolean };
export type ScanNotesReturnType = ScannedNote[];

/** The account's notes in the client's chain tree, by leaf index. */
export async function scanNotes(client: PilClient, parameters: ScanNotesParameters): Promise<ScanNotesReturnType> {
  const [created, consumed, inserted] = await Promise.all([
    getPilEvents(client, { contract: 'pc3', eventName: 'ContainerCreated' }),
    getPilEvents(client, { contract: 'pc3', eventName: 'ContainerConsumed' }),
    getPilEvents(client, { contract: 'pc3', eventName: 'CommitmentInserted' }),
  ]);
  const leafOf = new Map<bigint, bigint>();
  for (const e of inserted) leafOf.set(e.args.commitment as bigint, e.args.leafIndex as bigint);
  const candidates: { ciphertext: Hex; commitment: bigint; leafIndex: bigint | undefined }[] = [
    ...created.map((e) => ({
      ciphertext: e.args.ciphertext as Hex,
      commitment: e.args.commitment as bigint,
      leafIndex: e.args.leafIndex as bigint,
    })),
    ...consumed.map((e) => ({
      ciphertext: e.args.ciphertext as Hex,
      commitment: e.args.dstCommitment as bigint,
      leafIndex: leafOf.get(e.args.dstCommitment as bigint),
    })),
  ];
  for (const source of parameters.sources ?? []) {
    const exported = await getPilEvents(source, { contract: 'proofHub', eventName: 'MessageExported' });
    for (const e of exported) {
      const message = e.args.message as OutboxMessage;
      if (message.dstChainId !== BigInt(client.chainId)) continue;
      candidates.push({
        ciphertext: e.args.ciphertext as Hex,
        commitment: message.commitment,
        leafIndex: leafOf.get(message.commitment),
      });
    }
  }
  const out: ScannedNote[] = [];
  for (const c of candidates) {
    if (c.leafIndex === undefined) continue; // not (yet) in this tree: pending or not imported
    const note = await tryOpenNote(parameters.account, c);
    if (!note) continue;
    const owned = await toOwnedNote(parameters.account, note, { chainId: client.chainId, leafIndex: c.leafIndex });
    const spent = await isNullifierConsumed(client, { nullifier: owned.nullifier });
    if (spent && !parameters.includeSpent) continue;
    out.push({ ...owned, spent });
  }
  return out.sort((a, b) => (a.leafIndex < b.leafIndex ? -1 : 1));
}
