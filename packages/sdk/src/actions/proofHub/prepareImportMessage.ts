import { type ByteArray, bytesToHex, type Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { OutboxMessage } from '../../crypto/message.js';
import type { ConfigError, InvalidParameterError } from '../../errors/families.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareImportMessageParameters = {
  message: OutboxMessage;
  ciphertext: Hex | ByteArray;
  /** OpenZeppelin MerkleProof of the message's leaf under `root`. */
  proof: readonly Hex[];
  /** An accepted outbox root of the source hub. */
  root: Hex;
};
export type PrepareImportMessageReturnType = PreparedCall;
export type PrepareImportMessageErrorType = ConfigError | InvalidParameterError;

/**
 * `CrossChainProofHub.importMessage`, encoded but not sent: for a sender that manages
 * its own nonces and fees (the relayer), which simulates and sends it itself.
 */
export function prepareImportMessage(
  client: PilClient,
  parameters: PrepareImportMessageParameters,
): PrepareImportMessageReturnType {
  const ciphertext =
    typeof parameters.ciphertext === 'string' ? parameters.ciphertext : bytesToHex(parameters.ciphertext);
  return preparePilCall(client, {
    contract: 'proofHub',
    label: 'CrossChainProofHub',
    abi: crossChainProofHubAbi,
    functionName: 'importMessage',
    args: [parameters.message, ciphertext, parameters.proof, parameters.root],
  });
}
