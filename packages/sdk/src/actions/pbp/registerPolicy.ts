import type { Hex } from 'viem';
import { policyBoundProofsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, UnauthorizedAccountError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type RegisterPolicyParameters = WriteOptions & {
  policyHash: bigint;
  createCircuitId: Hex;
  spendCircuitId: Hex;
  attestationQuorum: number;
};
export type RegisterPolicyReturnType = WriteResult;
export type RegisterPolicyErrorType =
  | UnauthorizedAccountError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** Registers a policy (`POLICY_ADMIN_ROLE`). Simulates, sends with the client's account and waits for the receipt. */
export async function registerPolicy(
  client: PilClient,
  parameters: RegisterPolicyParameters,
): Promise<RegisterPolicyReturnType> {
  return writePilContract(client, {
    contract: 'pbp',
    abi: policyBoundProofsAbi,
    functionName: 'registerPolicy',
    args: [parameters.policyHash, parameters.createCircuitId, parameters.spendCircuitId, parameters.attestationQuorum],
    gas: parameters.gas,
  });
}
