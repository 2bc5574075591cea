/**
 * Finding one's notes: scan the events that carry ciphertexts, skip foreign ones by
 * their view tag (one ECDH each, no decryption), open the rest and keep those whose
 * opening gives the event's commitment with the account's npk.
 *
 * Where ciphertexts are: `ContainerCreated` (creations), `ContainerConsumed` (local
 * spends; the leaf is in the same transaction's `CommitmentInserted`), and, for
 * imports, the source chain's `MessageExported` (the leaf on this chain is in
 * `CommitmentInserted` with source Import).
 *
 * Incremental: with a `cursor` (an object kept between calls, `{}` at first), each
 * call reads only the blocks after the previous call's, of this chain and of each
 * source; the cursor keeps the notes found so far and the notes exported to this
 * chain that are not imported yet. It also keeps the hash of the last block read of
 * each chain: if one changed (a reorganisation), the scan starts over from scratch,
 * so a note whose block vanished is not kept.
 */
import type { Hash, Hex } from 'viem';
import { isNullifierConsumed } from '../actions/cdna/isNullifierConsumed.js';
import { getPilEvents } from '../actions/shared/getPilEvents.js';
import type { PilClient } from '../clients/createPilClient.js';
import type { OutboxMessage } from '../crypto/message.js';
import { InvalidParameterError } from '../errors/families.js';
import type { PilAccount } from '../keys/account.js';
import { onCanonicalChain } from '../tree/sync.js';
import { type Note, type OwnedNote, toOwnedNote, tryOpenNote } from './note.js';

/**
 * Where a scan stopped, for one account on one chain. Pass `{}` the first time; scanNotes
 * fills it in and the next call resumes from it. Serialisable except for bigints.
 */
export type NoteScanCursor = {
  chainId?: number | undefined;
  /** The account's npk (a cursor belongs to one account). */
  npk?: bigint | undefined;
  /** The last block of this chain read. */
  blockNumber?: bigint | undefined;
  /** Its hash (a reorganisation since the last call restarts the scan). */
  blockHash?: Hash | undefined;
  /** The last block read of each source chain, by chain id. */
  sourceBlocks?: Record<string, bigint> | undefined;
  /** Their hashes, by chain id. */
  sourceHashes?: Record<string, Hash> | undefined;
  /** Every note of the account found so far, spent ones too (a spent note is not checked again). */
  notes?: ScannedNote[] | undefined;
  /** Notes exported to this chain for the account whose import has not been seen yet. */
  pending?: Note[] | undefined;
};

export type ScanNotesParameters = {
  account: PilAccount;
  /** Clients of other chains whose exports to this chain should be recognised. */
  sources?: readonly PilClient[] | undefined;
  /** Also return spent notes (default false). */
  includeSpent?: boolean | undefined;
  /** Resume from (and update) this cursor: only blocks after the previous call's are read. */
  cursor?: NoteScanCursor | undefined;
};

export type ScannedNote = OwnedNote & { spent: boolean };
export type ScanNotesReturnType = ScannedNote[];

/** The account's notes in the client's chain tree, by leaf index. */
export async function scanNotes(client: PilClient, parameters: ScanNotesParameters): Promise<ScanNotesReturnType> {
  const { account, cursor } = parameters;
  if (cursor?.chainId !== undefined && cursor.chainId !== client.chainId) {
    throw new InvalidParameterError(`The scan cursor is of chain ${cursor.chainId}, the client of ${client.chainId}`);
  }
  if (cursor?.npk !== undefined && cursor.npk !== account.npk) {
    throw new InvalidParameterError('The scan cursor belongs to another account');
  }
  if (cursor && !(await cursorOnCanonicalChains(client, parameters.sources ?? [], cursor))) {
    for (const key of Object.keys(cursor) as (keyof NoteScanCursor)[]) delete cursor[key];
  }
  // This chain's head first: an import seen up to it was exported before the sources' heads read next.
  // Its hash before its events: a reorganisation after this point shows at the next call.
  const head = await client.public.getBlock({ blockTag: 'latest' });
  const toBlock = head.number!;
  const fromBlock = cursor?.blockNumber !== undefined ? cursor.blockNumber + 1n : undefined;
  const range = { fromBlock, toBlock };
  const [created, consumed, inserted] =
    fromBlock !== undefined && fromBlock > toBlock
      ? [[], [], []]
      : await Promise.all([
          getPilEvents(client, { contract: 'pc3', eventName: 'ContainerCreated', ...range }),
          getPilEvents(client, { contract: 'pc3', eventName: 'ContainerConsumed', ...range }),
          getPilEvents(client, { contract: 'pc3', eventName: 'CommitmentInserted', ...range }),
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
  const sourceBlocks: Record<string, bigint> = { ...cursor?.sourceBlocks };
  const sourceHashes: Record<string, Hash> = { ...cursor?.sourceHashes };
  for (const source of parameters.sources ?? []) {
    const key = String(source.chainId);
    const sourceHead = await source.public.getBlock({ blockTag: 'latest' });
    const sourceTo = sourceHead.number!;
    const previous = sourceBlocks[key];
    sourceBlocks[key] = sourceTo;
    sourceHashes[key] = sourceHead.hash!;
    if (previous !== undefined && previous >= sourceTo) continue;
    const exported = await getPilEvents(source, {
      contract: 'proofHub',
      eventName: 'MessageExported',
      toBlock: sourceTo,
      ...(previous !== undefined ? { fromBlock: previous + 1n } : {}),
    });
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
  const found: (OwnedNote & { spent?: boolean })[] = [...(cursor?.notes ?? [])];
  const pending: Note[] = [];
  // Exports seen by earlier calls whose import is in this call's blocks.
  for (const note of cursor?.pending ?? []) {
    const leafIndex = leafOf.get(note.commitment);
    if (leafIndex === undefined) pending.push(note);
    else found.push(await toOwnedNote(account, note, { chainId: client.chainId, leafIndex }));
  }
  for (const c of candidates) {
    if (c.leafIndex === undefined && !cursor) continue; // not (yet) in this tree: pending or not imported
    const note = await tryOpenNote(account, c);
    if (!note) continue;
    if (c.leafIndex === undefined) pending.push(note);
    else found.push(await toOwnedNote(account, note, { chainId: client.chainId, leafIndex: c.leafIndex }));
  }
  const all: ScannedNote[] = await Promise.all(
    found.map(async (owned) => ({
      ...owned,
      spent: owned.spent === true || (await isNullifierConsumed(client, { nullifier: owned.nullifier })),
    })),
  );
  all.sort((a, b) => (a.leafIndex < b.leafIndex ? -1 : 1));
  if (cursor) {
    Object.assign(cursor, {
      chainId: client.chainId,
      npk: account.npk,
      blockNumber: toBlock,
      blockHash: head.hash!,
      sourceBlocks,
      sourceHashes,
      pending,
    });
    cursor.notes = all;
  }
  return parameters.includeSpent ? all.map((n) => ({ ...n })) : all.filter((n) => !n.spent).map((n) => ({ ...n }));
}

/** Whether the last blocks a cursor read, of this chain and of every source, are all still canonical. */
async function cursorOnCanonicalChains(
  client: PilClient,
  sources: readonly PilClient[],
  cursor: NoteScanCursor,
): Promise<boolean> {
  const checks: Promise<boolean>[] = [];
  if (cursor.blockNumber !== undefined) {
    checks.push(onCanonicalChain(client, { blockNumber: cursor.blockNumber, blockHash: cursor.blockHash }));
  }
  for (const source of sources) {
    const key = String(source.chainId);
    const blockNumber = cursor.sourceBlocks?.[key];
    if (blockNumber !== undefined) {
      checks.push(onCanonicalChain(source, { blockNumber, blockHash: cursor.sourceHashes?.[key] }));
    }
  }
  return (await Promise.all(checks)).every(Boolean);
}
