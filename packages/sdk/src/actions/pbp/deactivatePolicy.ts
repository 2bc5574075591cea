import { policyBoundProofsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, UnauthorizedAccountError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type DeactivatePolicyParameters = WriteOptions & { policyHash: bigint };
export type DeactivatePolicyReturnType = WriteResult;
export type DeactivatePolicyErrorType =
  | UnauthorizedAccountError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** Deactivates a policy (`POLICY_ADMIN_ROLE` or the guardian). Simulates, sends with the client's account and waits for the receipt. */
export async function deactivatePolicy(
  client: PilClient,
  parameters: DeactivatePolicyParameters,
): Promise<DeactivatePolicyReturnType> {
  return writePilContract(client, {
    contract: 'pbp',
    abi: policyBoundProofsAbi,
    functionName: 'deactivatePolicy',
    args: [parameters.policyHash],
    gas: parameters.gas,
  });
}
