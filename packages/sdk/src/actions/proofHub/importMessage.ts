import { type ByteArray, bytesToHex, type Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { OutboxMessage } from '../../crypto/message.js';
import type {
  ContractRevertError,
  EnforcedPauseError,
  MessageAlreadyImportedError,
  RootNotAcceptedError,
} from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type ImportMessageParameters = WriteOptions & {
  message: OutboxMessage;
  ciphertext: Hex | ByteArray;
  /** OpenZeppelin MerkleProof of the message's leaf under `root`. */
  proof: readonly Hex[];
  /** An accepted outbox root of the source hub. */
  root: Hex;
};

export type ImportMessageReturnType = WriteResult & {
  messageId: Hex;
  /** Leaf of the imported note in this chain's tree (undefined when pending attestation). */
  leafIndex: bigint | undefined;
  /** Fee paid to the caller from the pool. */
  paid: bigint;
};

export type ImportMessageErrorType =
  | RootNotAcceptedError
  | MessageAlreadyImportedError
  | EnforcedPauseError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** `CrossChainProofHub.importMessage`: delivers an exported message under an accepted root. Anyone may relay. */
export async function importMessage(
  client: PilClient,
  parameters: ImportMessageParameters,
): Promise<ImportMessageReturnType> {
  const ciphertext =
    typeof parameters.ciphertext === 'string' ? parameters.ciphertext : bytesToHex(parameters.ciphertext);
  const result = await writePilContract(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'importMessage',
    args: [parameters.message, ciphertext, parameters.proof, parameters.root],
    gas: parameters.gas,
  });
  const imported = result.events.find((e) => e.eventName === 'MessageImported');
  const inserted = result.events.find((e) => e.eventName === 'CommitmentInserted');
  return {
    ...result,
    messageId: imported?.args.messageId as Hex,
    leafIndex: inserted?.args.leafIndex as bigint | undefined,
    paid: (imported?.args.paid as bigint | undefined) ?? 0n,
  };
}
