import { policyBoundProofsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, UnauthorizedAccountError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type ReactivatePolicyParameters = WriteOptions & { policyHash: bigint };
export type ReactivatePolicyReturnType = WriteResult;
export type ReactivatePolicyErrorType =
  | UnauthorizedAccountError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** Reactivates a policy (`POLICY_ADMIN_ROLE`). Simulates, sends with the client's account and waits for the receipt. */
export async function reactivatePolicy(
  client: PilClient,
  parameters: ReactivatePolicyParameters,
): Promise<ReactivatePolicyReturnType> {
  return writePilContract(client, {
    contract: 'pbp',
    abi: policyBoundProofsAbi,
    functionName: 'reactivatePolicy',
    args: [parameters.policyHash],
    gas: parameters.gas,
  });
}
