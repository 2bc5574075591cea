import type { Address } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { type ContractRevertError, contractRevertError } from '../../errors/contract.js';
import type { ConfigError, InvalidParameterError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareRemoveRelayerParameters = { relayer: Address };
export type PrepareRemoveRelayerReturnType = PreparedCall & { activeAfter: bigint; quorum: bigint };
export type PrepareRemoveRelayerErrorType = ContractRevertError | ConfigError | InvalidParameterError | TransportError;

/**
 * The guardian's `removeRelayer` (EP-002), for the Safe to execute. Checks what
 * the contract checks first: the relayer is admitted (`NotAdmitted`) and the
 * removal leaves at least `quorum` active relayers (`WouldBreakQuorum`).
 */
export async function prepareRemoveRelayer(
  client: PilClient,
  parameters: PrepareRemoveRelayerParameters,
): Promise<PrepareRemoveRelayerReturnType> {
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    readPilContract<T>(client, { contract: 'relayerRegistry', abi: relayerRegistryAbi, functionName, args });
  const [record, active, activeCount, quorum] = await Promise.all([
    read<{ admitted: boolean }>('getRelayer', [parameters.relayer]),
    read<boolean>('isActive', [parameters.relayer]),
    read<bigint>('activeCount'),
    read<bigint>('quorum'),
  ]);
  if (!record.admitted) {
    throw contractRevertError({ errorName: 'NotAdmitted', args: [parameters.relayer], functionName: 'removeRelayer' });
  }
  const activeAfter = active ? activeCount - 1n : activeCount;
  if (activeAfter < quorum) {
    throw contractRevertError({
      errorName: 'WouldBreakQuorum',
      args: [activeAfter, quorum],
      functionName: 'removeRelayer',
      details: `removing ${parameters.relayer} would leave ${activeAfter} active relayer(s), the quorum is ${quorum}`,
      hint: 'Admit a replacement first (pil relayer add, 6 h timelock), or lower the quorum',
    });
  }
  const call = preparePilCall(client, {
    contract: 'relayerRegistry',
    label: 'RelayerRegistry',
    abi: relayerRegistryAbi,
    functionName: 'removeRelayer',
    args: [parameters.relayer],
  });
  return { ...call, activeAfter, quorum };
}
