import type { Hex } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import type { CheckpointStruct } from '../../types/proof.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type SlashEquivocationParameters = WriteOptions & {
  a: CheckpointStruct;
  signatureA: Hex;
  b: CheckpointStruct;
  signatureB: Hex;
};
export type SlashEquivocationReturnType = WriteResult;
export type SlashEquivocationErrorType = ContractRevertError | ConfigError | TransactionError | TransportError;

/** Slashes a relayer that signed two roots for the same checkpoint. Simulates, sends with the client's account and waits for the receipt. */
export async function slashEquivocation(
  client: PilClient,
  parameters: SlashEquivocationParameters,
): Promise<SlashEquivocationReturnType> {
  return writePilContract(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'slashEquivocation',
    args: [parameters.a, parameters.signatureA, parameters.b, parameters.signatureB],
    gas: parameters.gas,
  });
}
