import type { Address } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, UnauthorizedAccountError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type AddRelayerParameters = WriteOptions & { relayer: Address };
export type AddRelayerReturnType = WriteResult;
export type AddRelayerErrorType =
  | UnauthorizedAccountError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** Admits a relayer (`RELAYER_ADMIN_ROLE`: the client's account must hold it; the 6 h timelock in production). */
export async function addRelayer(client: PilClient, parameters: AddRelayerParameters): Promise<AddRelayerReturnType> {
  return writePilContract(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'addRelayer',
    args: [parameters.relayer],
    gas: parameters.gas,
  });
}
