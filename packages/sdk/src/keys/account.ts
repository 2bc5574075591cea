/**
 * Keys of a PIL account, derived from one seed (browser-safe):
 *
 *   nullifierSecret = HKDF-SHA256(seed, salt "PIL.keys.v1", info "nullifier/<index>", 64 bytes) mod r
 *   npk             = Poseidon_1(nullifierSecret)                       (protocol §2: the owner)
 *   encryption key  = secp256k1 key from HKDF(…, info "encryption/<index>", 48 bytes)
 *
 * The public half, a `PilRecipient` (npk + encryption public key), is what a sender
 * needs; it travels as the string `pil:<npk hex>:<compressed pubkey hex>`.
 */
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, type Hex, hexToBigInt, hexToBytes, isHex } from 'viem';
import { FIELD_MODULUS } from '../crypto/field.js';
import { computeNpk } from '../crypto/note.js';
import { type EncryptionKeyPair, generateEncryptionKeyPair } from '../encryption/payload.js';
import { InvalidParameterError } from '../errors/families.js';

/** What a sender needs to address a note to someone. Safe to publish. */
export type PilRecipient = {
  npk: bigint;
  /** 33-byte compressed secp256k1 public key. */
  encryptionPublicKey: Uint8Array;
};

/** A PIL account: its secrets (never log them) and its public recipient. */
export type PilAccount = PilRecipient & {
  nullifierSecret: bigint;
  encryption: EncryptionKeyPair;
  index: number;
};

const salt = new TextEncoder().encode('PIL.keys.v1');

function expand(seed: Uint8Array, info: string, length: number): Uint8Array {
  return hkdf(sha256, seed, salt, new TextEncoder().encode(info), length);
}

/** The account at `index` of a seed (at least 16 bytes; use 32 random bytes or a BIP-39 seed). */
export async function accountFromSeed(seed: Uint8Array | Hex, index = 0): Promise<PilAccount> {
  const bytes = typeof seed === 'string' ? hexToBytes(seed) : seed;
  if (bytes.length < 16) throw new InvalidParameterError('A seed has at least 16 bytes', { docsPath: '#keys' });
  if (!Number.isInteger(index) || index < 0) throw new InvalidParameterError(`Invalid account index ${index}`);
  const nullifierSecret = hexToBigInt(bytesToHex(expand(bytes, `nullifier/${index}`, 64))) % FIELD_MODULUS;
  const encryption = generateEncryptionKeyPair(expand(bytes, `encryption/${index}`, 48));
  return {
    index,
    nullifierSecret,
    npk: await computeNpk(nullifierSecret),
    encryption,
    encryptionPublicKey: encryption.publicKey,
  };
}

/** A fresh random seed (32 bytes from the platform CSPRNG). */
export function generateSeed(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

/** `pil:<npk hex>:<encryption public key hex>`. */
export function encodeRecipient(recipient: PilRecipient): string {
  return `pil:${recipient.npk.toString(16).padStart(64, '0')}:${bytesToHex(recipient.encryptionPublicKey).slice(2)}`;
}

export function decodeRecipient(text: string): PilRecipient {
  const [tag, npk, key] = text.split(':');
  if (tag !== 'pil' || !npk || !key || !isHex(`0x${npk}`) || !isHex(`0x${key}`) || key.length !== 66) {
    throw new InvalidParameterError('Not a PIL recipient', { details: 'expected pil:<npk hex>:<33-byte key hex>' });
  }
  const value = BigInt(`0x${npk}`);
  if (value >= FIELD_MODULUS) throw new InvalidParameterError('The recipient npk is not a field element');
  return { npk: value, encryptionPublicKey: hexToBytes(`0x${key}`) };
}

/** The public half of an account. */
export function toRecipient(account: PilRecipient): PilRecipient {
  return { npk: account.npk, encryptionPublicKey: account.encryptionPublicKey };
}
