import type { Address } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { type ContractRevertError, contractRevertError } from '../../errors/contract.js';
import type { ConfigError, InvalidParameterError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareRecoverSlashedParameters = { to: Address; amount: bigint };
export type PrepareRecoverSlashedReturnType = PreparedCall;
export type PrepareRecoverSlashedErrorType = ContractRevertError | ConfigError | InvalidParameterError | TransportError;

/**
 * `RelayerRegistry.recoverSlashed(to, amount)` (EP-004), for the 48 h timelock
 * (`RECOVERY_ROLE`): moves slashed stake only, never bonded or unbonding stake. Refuses a
 * zero recipient and more than the slashed balance holds now.
 */
export async function prepareRecoverSlashed(
  client: PilClient,
  parameters: PrepareRecoverSlashedParameters,
): Promise<PrepareRecoverSlashedReturnType> {
  if (/^0x0{40}$/i.test(parameters.to)) {
    throw contractRevertError({ errorName: 'ZeroAddress', args: [], functionName: 'recoverSlashed' });
  }
  const slashed = await readPilContract<bigint>(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'slashedBalance',
  });
  if (parameters.amount > slashed) {
    throw contractRevertError({
      errorName: 'InsufficientSlashedBalance',
      args: [parameters.amount, slashed],
      functionName: 'recoverSlashed',
    });
  }
  return preparePilCall(client, {
    contract: 'relayerRegistry',
    label: 'RelayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'recoverSlashed',
    args: [parameters.to, parameters.amount],
  });
}
