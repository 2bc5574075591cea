import type { Hex } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import type { CheckpointStruct } from '../../types/proof.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type SlashWrongCheckpointParameters = WriteOptions & { checkpoint: CheckpointStruct; signature: Hex };
export type SlashWrongCheckpointReturnType = WriteResult;
export type SlashWrongCheckpointErrorType = ContractRevertError | ConfigError | TransactionError | TransportError;

/** Slashes a relayer that signed a wrong root of this chain's outbox. Simulates, sends with the client's account and waits for the receipt. */
export async function slashWrongCheckpoint(
  client: PilClient,
  parameters: SlashWrongCheckpointParameters,
): Promise<SlashWrongCheckpointReturnType> {
  return writePilContract(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'slashWrongCheckpoint',
    args: [parameters.checkpoint, parameters.signature],
    gas: parameters.gas,
  });
}
