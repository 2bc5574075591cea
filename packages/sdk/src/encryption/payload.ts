/**
 * Container payload encryption (browser-safe).
 *
 * A fresh AES-256-GCM content key per container encrypts the plaintext; the
 * content key is wrapped to the recipient's secp256k1 public key with ECIES
 * (ephemeral ECDH, HKDF-SHA256, AES-256-GCM). A one-byte view tag derived from
 * the shared secret lets a recipient skip 255 of 256 foreign payloads after
 * one ECDH, without attempting a decryption.
 *
 * Envelope (bytes): version(1) | viewTag(1) | ephemeralPub(33) | wrapNonce(12)
 *   | wrappedKey(32 + 16 tag) | nonce(12) | ciphertext(n + 16 tag)
 */
import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha2';

export const PAYLOAD_VERSION = 1;
const HEADER = 1 + 1 + 33 + 12 + 48 + 12;
const TAG = 16;
const info = new TextEncoder().encode('PIL.payload.v1');
const viewInfo = new TextEncoder().encode('PIL.viewtag.v1');

/** Raised when a payload is malformed, tampered with, or not addressed to the key. */
export class PayloadDecryptionError extends Error {
  override name = 'PayloadDecryptionError';
}

export interface EncryptionKeyPair {
  /** 32-byte secp256k1 secret key; never log it. */
  secretKey: Uint8Array;
  /** 33-byte compressed public key, safe to publish. */
  publicKey: Uint8Array;
}

export function generateEncryptionKeyPair(seed?: Uint8Array): EncryptionKeyPair {
  const secretKey = secp256k1.utils.randomSecretKey(seed);
  return { secretKey, publicKey: secp256k1.getPublicKey(secretKey, true) };
}

function deriveKeys(shared: Uint8Array): { kek: Uint8Array; viewTag: number } {
  const kek = hkdf(sha256, shared, undefined, info, 32);
  const viewTag = hkdf(sha256, shared, undefined, viewInfo, 1)[0] ?? 0;
  return { kek, viewTag };
}

/** Encrypts `plaintext` to `recipientPublicKey` (33 or 65 bytes). */
export function encryptPayload(plaintext: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  const ephemeral = secp256k1.utils.randomSecretKey();
  const ephemeralPub = secp256k1.getPublicKey(ephemeral, true);
  const { kek, viewTag } = deriveKeys(secp256k1.getSharedSecret(ephemeral, recipientPublicKey, true));
  const contentKey = randomBytes(32);
  const wrapNonce = randomBytes(12);
  const nonce = randomBytes(12);
  const wrapped = gcm(kek, wrapNonce, ephemeralPub).encrypt(contentKey);
  const body = gcm(contentKey, nonce).encrypt(plaintext);
  const out = new Uint8Array(HEADER + body.length);
  out[0] = PAYLOAD_VERSION;
  out[1] = viewTag;
  out.set(ephemeralPub, 2);
  out.set(wrapNonce, 35);
  out.set(wrapped, 47);
  out.set(nonce, 95);
  out.set(body, HEADER);
  return out;
}

function parse(envelope: Uint8Array) {
  if (envelope.length < HEADER + TAG || envelope[0] !== PAYLOAD_VERSION) {
    throw new PayloadDecryptionError(
      `malformed payload: expected version ${PAYLOAD_VERSION} and at least ${HEADER + TAG} bytes, got ${envelope.length}`,
    );
  }
  return {
    viewTag: envelope[1],
    ephemeralPub: envelope.subarray(2, 35),
    wrapNonce: envelope.subarray(35, 47),
    wrapped: envelope.subarray(47, 95),
    nonce: envelope.subarray(95, HEADER),
    body: envelope.subarray(HEADER),
  };
}

function sharedWith(secretKey: Uint8Array, ephemeralPub: Uint8Array): Uint8Array {
  try {
    return secp256k1.getSharedSecret(secretKey, ephemeralPub, true);
  } catch (cause) {
    throw new PayloadDecryptionError('malformed payload: ephemeral key is not a secp256k1 point', { cause });
  }
}

/** True when the payload may be addressed to `secretKey` (1/256 false positives); one ECDH, no decryption. */
export function matchesViewTag(envelope: Uint8Array, secretKey: Uint8Array): boolean {
  const { viewTag, ephemeralPub } = parse(envelope);
  return deriveKeys(sharedWith(secretKey, ephemeralPub)).viewTag === viewTag;
}

/** Decrypts a payload; throws PayloadDecryptionError when it is tampered with or for another key. */
export function decryptPayload(envelope: Uint8Array, secretKey: Uint8Array): Uint8Array {
  const { ephemeralPub, wrapNonce, wrapped, nonce, body } = parse(envelope);
  const { kek } = deriveKeys(sharedWith(secretKey, ephemeralPub));
  try {
    const contentKey = gcm(kek, wrapNonce, ephemeralPub).decrypt(wrapped);
    return gcm(contentKey, nonce).decrypt(body);
  } catch (cause) {
    throw new PayloadDecryptionError('payload authentication failed: tampered, or not addressed to this key', {
      cause,
    });
  }
}
