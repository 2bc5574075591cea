import type { Address } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { type ContractRevertError, contractRevertError } from '../../errors/contract.js';
import type { ConfigError, InvalidParameterError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareAddRelayerParameters = { relayer: Address };
export type PrepareAddRelayerReturnType = PreparedCall;
export type PrepareAddRelayerErrorType = ContractRevertError | ConfigError | InvalidParameterError | TransportError;

/** `addRelayer` (EP-002), for the 6 h timelock (`RELAYER_ADMIN_ROLE`); refuses a relayer already admitted. */
export async function prepareAddRelayer(
  client: PilClient,
  parameters: PrepareAddRelayerParameters,
): Promise<PrepareAddRelayerReturnType> {
  const record = await readPilContract<{ admitted: boolean }>(client, {
    contract: 'relayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'getRelayer',
    args: [parameters.relayer],
  });
  if (record.admitted) {
    throw contractRevertError({ errorName: 'AlreadyAdmitted', args: [parameters.relayer], functionName: 'addRelayer' });
  }
  return preparePilCall(client, {
    contract: 'relayerRegistry',
    label: 'RelayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'addRelayer',
    args: [parameters.relayer],
  });
}
