/**
 * The relayer's key: `PRIVATE_KEY`, or an encrypted JSON keystore (Web3 Secret
 * Storage v3, as geth, ethers and viem-based tools write it: scrypt or pbkdf2 KDF,
 * aes-128-ctr, keccak MAC) unlocked with `RELAYER_KEYSTORE_PASSWORD`. The key never
 * leaves this module except as a viem LocalAccount; nothing here logs.
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { scrypt as nobleScrypt } from '@noble/hashes/scrypt';
import { bytesToHex, concatBytes, type Hex, hexToBytes, keccak256, type LocalAccount } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

export class KeyError extends Error {
  override name = 'KeyError';
}

type Keystore = {
  version: 3;
  address?: string;
  crypto: {
    cipher: string;
    ciphertext: string;
    cipherparams: { iv: string };
    kdf: 'scrypt' | 'pbkdf2';
    kdfparams: Record<string, number | string>;
    mac: string;
  };
};

function derive(ks: Keystore, password: string): Buffer {
  const p = ks.crypto.kdfparams;
  const salt = Buffer.from(String(p.salt), 'hex');
  if (ks.crypto.kdf === 'scrypt') {
    const n = Number(p.n);
    const r = Number(p.r);
    // OpenSSL refuses N >= 2^(16·r) (e.g. the Web3 test vector's r = 1, N = 2^18);
    // such files are valid: derive them with noble's scrypt instead.
    if (16 * r < 53 && n >= 2 ** (16 * r)) {
      return Buffer.from(
        nobleScrypt(password.normalize('NFKC'), salt, { N: n, r, p: Number(p.p), dkLen: Number(p.dklen) }),
      );
    }
    return scryptSync(password.normalize('NFKC'), salt, Number(p.dklen), {
      N: n,
      r,
      p: Number(p.p),
      maxmem: 256 * n * r + 1024 * 1024,
    });
  }
  if (ks.crypto.kdf === 'pbkdf2') {
    if (p.prf !== 'hmac-sha256') throw new KeyError('Unsupported keystore pbkdf2 prf');
    return pbkdf2Sync(password.normalize('NFKC'), salt, Number(p.c), Number(p.dklen), 'sha256');
  }
  throw new KeyError('Unsupported keystore KDF');
}

export function decryptKeystore(json: string, password: string): Hex {
  let ks: Keystore;
  try {
    ks = JSON.parse(json) as Keystore;
  } catch {
    throw new KeyError('The keystore file is not JSON');
  }
  const crypto = ks.crypto ?? (ks as unknown as { Crypto: Keystore['crypto'] }).Crypto;
  if (ks.version !== 3 || !crypto) throw new KeyError('Not a version 3 keystore');
  ks.crypto = crypto;
  if (crypto.cipher !== 'aes-128-ctr') throw new KeyError('Unsupported keystore cipher');
  const dk = derive(ks, password);
  const ciphertext = Buffer.from(crypto.ciphertext, 'hex');
  const mac = hexToBytes(keccak256(concatBytes([dk.subarray(16, 32), ciphertext])));
  if (!timingSafeEqual(Buffer.from(mac), Buffer.from(crypto.mac, 'hex'))) {
    throw new KeyError('Wrong keystore password (MAC mismatch)');
  }
  const decipher = createDecipheriv('aes-128-ctr', dk.subarray(0, 16), Buffer.from(crypto.cipherparams.iv, 'hex'));
  return bytesToHex(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}

/** Writes a v3 keystore (scrypt) — used by tests and `pil relayer` tooling. */
export function encryptKeystore(privateKey: Hex, password: string, options: { n?: number } = {}): string {
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const n = options.n ?? 262_144;
  const dk = scryptSync(password.normalize('NFKC'), salt, 32, { N: n, r: 8, p: 1, maxmem: 256 * n * 8 + 1024 * 1024 });
  const cipher = createCipheriv('aes-128-ctr', dk.subarray(0, 16), iv);
  const ciphertext = Buffer.concat([cipher.update(hexToBytes(privateKey)), cipher.final()]);
  const mac = keccak256(concatBytes([dk.subarray(16, 32), ciphertext])).slice(2);
  const address = privateKeyToAccount(privateKey).address.slice(2).toLowerCase();
  return JSON.stringify({
    version: 3,
    id: crypto.randomUUID(),
    address,
    crypto: {
      cipher: 'aes-128-ctr',
      ciphertext: ciphertext.toString('hex'),
      cipherparams: { iv: iv.toString('hex') },
      kdf: 'scrypt',
      kdfparams: { dklen: 32, n, r: 8, p: 1, salt: salt.toString('hex') },
      mac,
    },
  });
}

/** The relayer account from `PRIVATE_KEY` or the keystore (password from `RELAYER_KEYSTORE_PASSWORD`). */
export function loadAccount(options: { keystorePath?: string | undefined; env: NodeJS.ProcessEnv }): LocalAccount {
  const { env } = options;
  if (options.keystorePath) {
    const password = env.RELAYER_KEYSTORE_PASSWORD;
    if (password === undefined) throw new KeyError('RELAYER_KEYSTORE_PASSWORD is not set (needed by the keystore)');
    let json: string;
    try {
      json = readFileSync(options.keystorePath, 'utf8');
    } catch {
      throw new KeyError(`Cannot read the keystore file ${options.keystorePath}`);
    }
    return privateKeyToAccount(decryptKeystore(json, password));
  }
  const raw = env.PRIVATE_KEY;
  if (!raw) throw new KeyError('No key: set PRIVATE_KEY or RELAYER_KEYSTORE (+ RELAYER_KEYSTORE_PASSWORD)');
  const key = (raw.startsWith('0x') ? raw : `0x${raw}`) as Hex;
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new KeyError('PRIVATE_KEY is not 32 bytes of hex');
  return privateKeyToAccount(key);
}
