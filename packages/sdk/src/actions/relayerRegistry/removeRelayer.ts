import type { Address } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, UnauthorizedAccountError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type RemoveRelayerParameters = WriteOptions & { relayer: Address };
export type RemoveRelayerReturnType = WriteResult;
export type RemoveRelayerErrorType =
  | UnauthorizedAccountError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** Removes a relayer (`GUARDIAN_ROLE`: the client's account must hold it; the Safe in production). */
export async function removeRelayer(
  client: PilClient,
  parameters: RemoveRelayerParameters,
): Promise<RemoveRelayerReturnType> {
  return writePilContract(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'removeRelayer',
    args: [parameters.relayer],
    gas: parameters.gas,
  });
}
