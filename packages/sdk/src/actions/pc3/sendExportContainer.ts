import { type ByteArray, bytesToHex, type Hex } from 'viem';
import { proofCarryingContainerAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { OutboxMessage } from '../../crypto/message.js';
import type {
  ContractRevertError,
  EnforcedPauseError,
  InvalidProofError,
  NullifierAlreadyConsumedError,
  PolicyInactiveError,
  UnknownRootError,
} from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import type { ContractProof, SpendArgs } from '../../types/proof.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type SendExportContainerParameters = WriteOptions & {
  proof: ContractProof;
  args: SpendArgs;
  dstChainId: bigint;
  /** The new note's ciphertext for the destination (its hash is the proof's dstPayloadHash). */
  ciphertext: Hex | ByteArray;
  /** Relayer fee in wei, paid into this chain's fee pool (default 0). */
  fee?: bigint | undefined;
};

export type SendExportContainerReturnType = WriteResult & {
  /** Zero when the proof verified only under a retired key (fee refunded, nothing exported). */
  messageId: Hex;
  /** The outbox message (from `MessageExported`), undefined when nothing was exported. */
  message: OutboxMessage | undefined;
};

export type SendExportContainerErrorType =
  | NullifierAlreadyConsumedError
  | UnknownRootError
  | PolicyInactiveError
  | InvalidProofError
  | EnforcedPauseError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** `ProofCarryingContainer.exportContainer`: spends a note into an outbox message for `dstChainId`. */
export async function sendExportContainer(
  client: PilClient,
  parameters: SendExportContainerParameters,
): Promise<SendExportContainerReturnType> {
  const ciphertext =
    typeof parameters.ciphertext === 'string' ? parameters.ciphertext : bytesToHex(parameters.ciphertext);
  const result = await writePilContract(client, {
    contract: 'pc3',
    abi: proofCarryingContainerAbi,
    functionName: 'exportContainer',
    args: [parameters.proof, parameters.args, parameters.dstChainId, ciphertext],
    value: parameters.fee ?? 0n,
    gas: parameters.gas,
  });
  const exported = result.events.find((e) => e.eventName === 'MessageExported');
  const zero = `0x${'0'.repeat(64)}` as Hex;
  return {
    ...result,
    messageId: (exported?.args.messageId as Hex | undefined) ?? zero,
    message: exported?.args.message as OutboxMessage | undefined,
  };
}
