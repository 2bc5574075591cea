import type { Address, Hex } from 'viem';
import { executionAgnosticStateCommitmentsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, UnauthorizedAccountError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type RegisterBackendParameters = WriteOptions & { backendId: Hex; kind: number; signer: Address };
export type RegisterBackendReturnType = WriteResult;
export type RegisterBackendErrorType =
  | UnauthorizedAccountError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** Registers an execution backend and its attestation signer (`DEFAULT_ADMIN_ROLE`). Simulates, sends with the client's account and waits for the receipt. */
export async function registerBackend(
  client: PilClient,
  parameters: RegisterBackendParameters,
): Promise<RegisterBackendReturnType> {
  return writePilContract(client, {
    contract: 'easc',
    abi: executionAgnosticStateCommitmentsAbi,
    functionName: 'registerBackend',
    args: [parameters.backendId, parameters.kind, parameters.signer],
    gas: parameters.gas,
  });
}
