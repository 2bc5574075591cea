import type { Address } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { type ContractRevertError, contractRevertError } from '../../errors/contract.js';
import type { ConfigError, InvalidParameterError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareRecoverFundsParameters = { to: Address; amount: bigint };
export type PrepareRecoverFundsReturnType = PreparedCall;
export type PrepareRecoverFundsErrorType = ContractRevertError | ConfigError | InvalidParameterError | TransportError;

/**
 * `CrossChainProofHub.recoverFunds(to, amount)` (EP-004), for the 48 h timelock
 * (`RECOVERY_ROLE`): moves fee-pool ETH. Refuses a zero recipient and more than the pool holds now.
 */
export async function prepareRecoverFunds(
  client: PilClient,
  parameters: PrepareRecoverFundsParameters,
): Promise<PrepareRecoverFundsReturnType> {
  if (/^0x0{40}$/i.test(parameters.to)) {
    throw contractRevertError({ errorName: 'ZeroAddress', args: [], functionName: 'recoverFunds' });
  }
  const pool = await readPilContract<bigint>(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'feePool',
  });
  if (parameters.amount > pool) {
    throw contractRevertError({
      errorName: 'InsufficientPool',
      args: [parameters.amount, pool],
      functionName: 'recoverFunds',
    });
  }
  return preparePilCall(client, {
    contract: 'proofHub',
    label: 'CrossChainProofHub',
    abi: crossChainProofHubAbi,
    functionName: 'recoverFunds',
    args: [parameters.to, parameters.amount],
  });
}
