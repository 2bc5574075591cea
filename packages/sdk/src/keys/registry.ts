/**
 * The encryption-key convention: how a recipient publishes its PilRecipient so that
 * senders can find it by Ethereum address, without an on-chain registry contract.
 *
 * A **key record** is an EIP-712 signature by the address's owner over
 * `PilRecipient(address owner,uint256 npk,bytes encryptionPublicKey)` in the domain
 * `{name: "PIL Recipient", version: "1"}` (no chainId: one record serves every chain).
 * Publish its JSON anywhere (a profile, a well-known URL, or the ENS text record
 * `io.pil.recipient`); a sender checks the signature with `verifyRecipientRecord`
 * before encrypting to the key, so a man in the middle cannot substitute its own.
 */
import { type Address, bytesToHex, type Hex, hexToBytes, type LocalAccount, recoverTypedDataAddress } from 'viem';
import { InvalidParameterError } from '../errors/families.js';
import type { PilRecipient } from './account.js';

export const RECIPIENT_DOMAIN = { name: 'PIL Recipient', version: '1' } as const;
export const RECIPIENT_TYPES = {
  PilRecipient: [
    { name: 'owner', type: 'address' },
    { name: 'npk', type: 'uint256' },
    { name: 'encryptionPublicKey', type: 'bytes' },
  ],
} as const;
/** The ENS text record key under which a record's JSON is published. */
export const RECIPIENT_ENS_TEXT_KEY = 'io.pil.recipient';

export type RecipientRecord = {
  owner: Address;
  /** Decimal string (JSON-safe). */
  npk: string;
  encryptionPublicKey: Hex;
  signature: Hex;
};

/** Signs a record binding `recipient` to `signer`'s address. */
export async function signRecipientRecord(signer: LocalAccount, recipient: PilRecipient): Promise<RecipientRecord> {
  const message = {
    owner: signer.address,
    npk: recipient.npk,
    encryptionPublicKey: bytesToHex(recipient.encryptionPublicKey),
  };
  const signature = await signer.signTypedData({
    domain: RECIPIENT_DOMAIN,
    types: RECIPIENT_TYPES,
    primaryType: 'PilRecipient',
    message,
  });
  return {
    owner: signer.address,
    npk: recipient.npk.toString(),
    encryptionPublicKey: message.encryptionPublicKey,
    signature,
  };
}

/** Checks the record's signature (and, when given, its owner); returns the recipient. */
export async function verifyRecipientRecord(record: RecipientRecord, expectedOwner?: Address): Promise<PilRecipient> {
  const recovered = await recoverTypedDataAddress({
    domain: RECIPIENT_DOMAIN,
    types: RECIPIENT_TYPES,
    primaryType: 'PilRecipient',
    message: { owner: record.owner, npk: BigInt(record.npk), encryptionPublicKey: record.encryptionPublicKey },
    signature: record.signature,
  });
  if (recovered.toLowerCase() !== record.owner.toLowerCase()) {
    throw new InvalidParameterError('The recipient record is not signed by its owner', { docsPath: '#keys' });
  }
  if (expectedOwner && expectedOwner.toLowerCase() !== record.owner.toLowerCase()) {
    throw new InvalidParameterError(`The recipient record belongs to ${record.owner}, not ${expectedOwner}`);
  }
  return { npk: BigInt(record.npk), encryptionPublicKey: hexToBytes(record.encryptionPublicKey) };
}
