// The relayer's keystore decryption against keystores it did not write: the Web3 Secret
// Storage definition's PBKDF2 and scrypt test vectors and one written by Foundry's
// `cast wallet import`; wrong passwords and malformed files fail without the key.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptKeystore, encryptKeystore, KeyError, loadAccount } from './keys.js';

const VECTOR_KEY = '0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d';
const PBKDF2_VECTOR = {
  crypto: {
    cipher: 'aes-128-ctr',
    cipherparams: { iv: '6087dab2f9fdbbfaddc31a909735c1e6' },
    ciphertext: '5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46',
    kdf: 'pbkdf2',
    kdfparams: {
      c: 262144,
      dklen: 32,
      prf: 'hmac-sha256',
      salt: 'ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd',
    },
    mac: '517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2',
  },
  id: '3198bc9c-6672-5ab3-d995-4942343ae5b6',
  version: 3,
};
const SCRYPT_VECTOR = {
  crypto: {
    cipher: 'aes-128-ctr',
    cipherparams: { iv: '83dbcc02d8ccb40e466191a123791e0e' },
    ciphertext: 'd172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c',
    kdf: 'scrypt',
    kdfparams: {
      dklen: 32,
      n: 262144,
      r: 1,
      p: 8,
      salt: 'ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19',
    },
    mac: '2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097',
  },
  id: '3198bc9c-6672-5ab3-d995-4942343ae5b6',
  version: 3,
};

const dir = mkdtempSync(path.join(tmpdir(), 'pil-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('relayer keystore', () => {
  it('decrypts the Web3 Secret Storage test vectors (pbkdf2 and scrypt)', () => {
    expect(decryptKeystore(JSON.stringify(PBKDF2_VECTOR), 'testpassword')).toBe(VECTOR_KEY);
    expect(decryptKeystore(JSON.stringify(SCRYPT_VECTOR), 'testpassword')).toBe(VECTOR_KEY);
  });

  it('decrypts a keystore written by cast wallet import, and loads it as the relayer account', () => {
    const key = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
    execFileSync(
      path.join(process.cwd(), 'node_modules', '.bin', 'cast'),
      ['wallet', 'import', 'relayer', '--private-key', key, '--unsafe-password', 'correct horse', '-k', dir],
      { stdio: 'ignore' },
    );
    const file = path.join(dir, readdirSync(dir).find((f) => f === 'relayer')!);
    expect(decryptKeystore(readFileSync(file, 'utf8'), 'correct horse')).toBe(key);
    const account = loadAccount({ keystorePath: file, env: { RELAYER_KEYSTORE_PASSWORD: 'correct horse' } });
    expect(account.address).toBe(privateKeyToAccount(key).address);
  });

  it('refuses a wrong password, a missing password, a bad file and a bad PRIVATE_KEY without echoing secrets', () => {
    const json = encryptKeystore(VECTOR_KEY, 'right', { n: 1024 });
    expect(decryptKeystore(json, 'right')).toBe(VECTOR_KEY);
    const errors: Error[] = [];
    const attempt = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        errors.push(err as Error);
        return;
      }
      throw new Error('expected a KeyError');
    };
    attempt(() => decryptKeystore(json, 'wrong'));
    const file = path.join(dir, 'ks.json');
    writeFileSync(file, json);
    attempt(() => loadAccount({ keystorePath: file, env: {} }));
    attempt(() =>
      loadAccount({ keystorePath: path.join(dir, 'missing.json'), env: { RELAYER_KEYSTORE_PASSWORD: 'x' } }),
    );
    attempt(() => decryptKeystore('{not json', 'x'));
    attempt(() => decryptKeystore(JSON.stringify({ ...PBKDF2_VECTOR, version: 1 }), 'testpassword'));
    attempt(() => loadAccount({ env: { PRIVATE_KEY: '0x1234' } }));
    attempt(() => loadAccount({ env: {} }));
    expect(errors.map((e) => e.message)).toEqual([
      'Wrong keystore password (MAC mismatch)',
      'RELAYER_KEYSTORE_PASSWORD is not set (needed by the keystore)',
      `Cannot read the keystore file ${path.join(dir, 'missing.json')}`,
      'The keystore file is not JSON',
      'Not a version 3 keystore',
      'PRIVATE_KEY is not 32 bytes of hex',
      'No key: set PRIVATE_KEY or RELAYER_KEYSTORE (+ RELAYER_KEYSTORE_PASSWORD)',
    ]);
    for (const e of errors) {
      expect(e).toBeInstanceOf(KeyError);
      expect(e.message).not.toContain(VECTOR_KEY.slice(2, 20));
    }
  });
});
