/**
 * Keys, notes and commitments exactly as protocol.md §2 defines them.
 */
import { type ByteArray, encodeAbiParameters, type Hex, hexToBigInt, keccak256, toBytes } from 'viem';
import { assertBits, assertField, FIELD_MODULUS, toField } from './field.js';
import { getPoseidon } from './poseidon.js';

/** appId of this deployment: keccak256("PIL.v2"). */
export const APP_ID: Hex = keccak256(toBytes('PIL.v2'));

/** The opening of a note's commitment (protocol.md §2). */
export interface NoteFields {
  /** Owner: Poseidon_1(nullifierSecret). */
  npk: bigint;
  /** 64-bit amount. */
  amount: bigint;
  stateHash: bigint;
  policyHash: bigint;
  payloadHash: bigint;
  blinding: bigint;
}

/** A disclosure policy's range and salt. */
export interface PolicyFields {
  /** 64-bit lower bound on amount (inclusive). */
  minAmount: bigint;
  /** 64-bit upper bound on amount (inclusive). */
  maxAmount: bigint;
  policySalt: bigint;
}

/** npk = Poseidon_1(nullifierSecret). */
export async function computeNpk(nullifierSecret: bigint): Promise<bigint> {
  return (await getPoseidon())([assertField(nullifierSecret, 'nullifierSecret')]);
}

/** policySalt = uint256(keccak256(bytes(policyName))) mod r. */
export function policySaltOf(policyName: string): bigint {
  return toField(hexToBigInt(keccak256(toBytes(policyName))));
}

/** policyHash = Poseidon_3(minAmount, maxAmount, policySalt). */
export async function computePolicyHash(policy: PolicyFields): Promise<bigint> {
  const { minAmount, maxAmount, policySalt } = policy;
  return (await getPoseidon())([
    assertBits(minAmount, 64, 'minAmount'),
    assertBits(maxAmount, 64, 'maxAmount'),
    assertField(policySalt, 'policySalt'),
  ]);
}

/** payloadHash = uint256(keccak256(ciphertext)) mod r, over the exact ciphertext bytes. */
export function computePayloadHash(ciphertext: Hex | ByteArray): bigint {
  return toField(hexToBigInt(keccak256(ciphertext)));
}

/** commitment = Poseidon_6(npk, amount, stateHash, policyHash, payloadHash, blinding). */
export async function computeCommitment(note: NoteFields): Promise<bigint> {
  return (await getPoseidon())([
    assertField(note.npk, 'npk'),
    assertBits(note.amount, 64, 'amount'),
    assertField(note.stateHash, 'stateHash'),
    assertField(note.policyHash, 'policyHash'),
    assertField(note.payloadHash, 'payloadHash'),
    assertField(note.blinding, 'blinding'),
  ]);
}

/** domainId(chainId, appId) = uint256(keccak256(abi.encode(uint256 chainId, bytes32 appId))) mod r. */
export function computeDomainId(chainId: bigint | number, appId: Hex = APP_ID): bigint {
  const encoded = encodeAbiParameters([{ type: 'uint256' }, { type: 'bytes32' }], [BigInt(chainId), appId]);
  return toField(hexToBigInt(keccak256(encoded)));
}

/** nullifier = Poseidon_3(nullifierSecret, leafIndex, originDomainId). */
export async function computeNullifier(params: {
  nullifierSecret: bigint;
  leafIndex: bigint | number;
  originDomain: bigint;
}): Promise<bigint> {
  return (await getPoseidon())([
    assertField(params.nullifierSecret, 'nullifierSecret'),
    assertBits(BigInt(params.leafIndex), 20, 'leafIndex'),
    assertField(params.originDomain, 'originDomain'),
  ]);
}

/**
 * A uniformly random field element from the platform CSPRNG (Web Crypto), for secrets
 * and blindings. 64 random bytes reduced mod r: bias below 2^-250.
 */
export function randomFieldElement(): bigint {
  const bytes = new Uint8Array(64);
  globalThis.crypto.getRandomValues(bytes);
  let x = 0n;
  for (const b of bytes) x = (x << 8n) | BigInt(b);
  return x % FIELD_MODULUS;
}
