import { describe, expect, it } from 'vitest';
import {
  decryptPayload,
  encryptPayload,
  generateEncryptionKeyPair,
  matchesViewTag,
  PayloadDecryptionError,
} from './payload.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('payload encryption', () => {
  const alice = generateEncryptionKeyPair();
  const bob = generateEncryptionKeyPair();

  it('round-trips to the recipient and uses a fresh key per container', () => {
    const plaintext = text('amount=42;state=0xabc');
    const a = encryptPayload(plaintext, alice.publicKey);
    const b = encryptPayload(plaintext, alice.publicKey);
    expect(decryptPayload(a, alice.secretKey)).toEqual(plaintext);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(a).includes(Buffer.from(plaintext))).toBe(false);
  });

  it('detects tampering anywhere in the envelope', () => {
    const envelope = encryptPayload(text('secret state'), alice.publicKey);
    for (const index of [2, 40, 60, 100, envelope.length - 1]) {
      const tampered = envelope.slice();
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(() => decryptPayload(tampered, alice.secretKey), `byte ${index}`).toThrow(PayloadDecryptionError);
    }
  });

  it('refuses another key and malformed input with a clear error', () => {
    const envelope = encryptPayload(text('for alice'), alice.publicKey);
    expect(() => decryptPayload(envelope, bob.secretKey)).toThrow(/not addressed to this key/);
    expect(() => decryptPayload(new Uint8Array(10), alice.secretKey)).toThrow(/malformed payload/);
  });

  it('view tags let a recipient skip most foreign payloads without decrypting', () => {
    const mine = encryptPayload(text('x'), alice.publicKey);
    expect(matchesViewTag(mine, alice.secretKey)).toBe(true);
    let foreignMatches = 0;
    for (let i = 0; i < 64; i++)
      if (matchesViewTag(encryptPayload(text('y'), bob.publicKey), alice.secretKey)) foreignMatches++;
    expect(foreignMatches).toBeLessThan(8);
  });
});
