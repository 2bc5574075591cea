/**
 * Notes: the opening of a commitment, the plaintext a payload carries, and the
 * owner's view of a note in a tree (browser-safe).
 *
 * Note plaintext (version 1): 0x01 | amount (8, big-endian) | stateHash (32) |
 *   policyHash (32) | blinding (32) | memo (rest). It is encrypted to the recipient's
 * key (encryption/payload.ts); the ciphertext's hash is the note's payloadHash.
 */
import { bytesToHex, concatBytes, type Hex, hexToBigInt, hexToBytes, numberToBytes } from 'viem';
import {
  computeCommitment,
  computeDomainId,
  computeNullifier,
  computePayloadHash,
  randomFieldElement,
} from '../crypto/note.js';
import { decryptPayload, encryptPayload, matchesViewTag } from '../encryption/payload.js';
import { DecryptionError } from '../errors/families.js';
import { mapError } from '../errors/map.js';
import type { PilAccount, PilRecipient } from '../keys/account.js';

/** What a note says: amount, state, policy and an optional memo. */
export type NoteContents = {
  amount: bigint;
  stateHash: bigint;
  policyHash: bigint;
  memo?: Uint8Array | undefined;
};

/** A note as its sender made it: contents, owner, randomness, ciphertext and commitment. */
export type Note = NoteContents & {
  npk: bigint;
  blinding: bigint;
  /** The encrypted payload as sent on chain. */
  ciphertext: Hex;
  payloadHash: bigint;
  commitment: bigint;
};

/** A note in a chain's tree, as its owner sees it: with its leaf and nullifier. */
export type OwnedNote = Note & {
  chainId: number;
  leafIndex: bigint;
  /** Poseidon_3(nullifierSecret, leafIndex, domainId(chainId)). */
  nullifier: bigint;
};

const VERSION = 1;

export function encodeNotePlaintext(contents: NoteContents & { blinding: bigint }): Uint8Array {
  return concatBytes([
    new Uint8Array([VERSION]),
    numberToBytes(contents.amount, { size: 8 }),
    numberToBytes(contents.stateHash, { size: 32 }),
    numberToBytes(contents.policyHash, { size: 32 }),
    numberToBytes(contents.blinding, { size: 32 }),
    contents.memo ?? new Uint8Array(),
  ]);
}

export function decodeNotePlaintext(bytes: Uint8Array): NoteContents & { blinding: bigint } {
  if (bytes.length < 105 || bytes[0] !== VERSION) throw new DecryptionError('Not a PIL note plaintext');
  const n = (a: number, b: number) => hexToBigInt(bytesToHex(bytes.subarray(a, b)));
  return {
    amount: n(1, 9),
    stateHash: n(9, 41),
    policyHash: n(41, 73),
    blinding: n(73, 105),
    memo: bytes.subarray(105),
  };
}

/** Makes a note for `recipient`: fresh blinding, encrypted payload, payloadHash and commitment. */
export async function createNote(
  parameters: NoteContents & { recipient: PilRecipient; blinding?: bigint | undefined },
): Promise<Note> {
  const blinding = parameters.blinding ?? randomFieldElement();
  const contents = {
    amount: parameters.amount,
    stateHash: parameters.stateHash,
    policyHash: parameters.policyHash,
    memo: parameters.memo,
  };
  try {
    const ciphertext = bytesToHex(
      encryptPayload(encodeNotePlaintext({ ...contents, blinding }), parameters.recipient.encryptionPublicKey),
    );
    const payloadHash = computePayloadHash(ciphertext);
    const commitment = await computeCommitment({ ...contents, npk: parameters.recipient.npk, payloadHash, blinding });
    return { ...contents, npk: parameters.recipient.npk, blinding, ciphertext, payloadHash, commitment };
  } catch (err) {
    throw mapError(err, { action: 'createNote' });
  }
}

/**
 * Opens a ciphertext found on chain if it is addressed to `account`: checks the view
 * tag first (one ECDH, no decryption for 255 of 256 foreign payloads), then decrypts
 * and checks that the opening gives `commitment` with the account's npk. Returns
 * undefined for anything not ours.
 */
export async function tryOpenNote(
  account: PilAccount,
  parameters: { ciphertext: Hex; commitment: bigint },
): Promise<Note | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = hexToBytes(parameters.ciphertext);
    if (!matchesViewTag(bytes, account.encryption.secretKey)) return undefined;
  } catch {
    return undefined;
  }
  let contents: NoteContents & { blinding: bigint };
  try {
    contents = decodeNotePlaintext(decryptPayload(bytes, account.encryption.secretKey));
  } catch {
    return undefined;
  }
  const payloadHash = computePayloadHash(parameters.ciphertext);
  const commitment = await computeCommitment({ ...contents, npk: account.npk, payloadHash });
  if (commitment !== parameters.commitment) return undefined;
  return { ...contents, npk: account.npk, ciphertext: parameters.ciphertext, payloadHash, commitment };
}

/** The note at `leafIndex` of chain `chainId`'s tree, with its nullifier. */
export async function toOwnedNote(
  account: PilAccount,
  note: Note,
  location: { chainId: number; leafIndex: bigint },
): Promise<OwnedNote> {
  const nullifier = await computeNullifier({
    nullifierSecret: account.nullifierSecret,
    leafIndex: location.leafIndex,
    originDomain: computeDomainId(location.chainId),
  });
  return { ...note, ...location, nullifier };
}
