import type { Address, Hex } from 'viem';
import type { PilClient } from '../../clients/createPilClient.js';
import type { TransportError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';
import { timelockAbi } from './timelockAbi.js';

export type OperationStatus = 'unset' | 'waiting' | 'ready' | 'done';
export type GetOperationStatusParameters = { timelock: Address; id: Hex };
export type GetOperationStatusReturnType = {
  status: OperationStatus;
  /** Unix seconds (chain time) from which a waiting or ready operation may execute. */
  eta: bigint | undefined;
};
export type GetOperationStatusErrorType = TransportError;

const states: OperationStatus[] = ['unset', 'waiting', 'ready', 'done'];

/** A timelock operation's state (`getOperationState`) and ETA (`getTimestamp`). */
export async function getOperationStatus(
  client: PilClient,
  parameters: GetOperationStatusParameters,
): Promise<GetOperationStatusReturnType> {
  const { timelock, id } = parameters;
  try {
    const [state, timestamp] = await Promise.all([
      client.public.readContract({
        address: timelock,
        abi: timelockAbi,
        functionName: 'getOperationState',
        args: [id],
      }),
      client.public.readContract({ address: timelock, abi: timelockAbi, functionName: 'getTimestamp', args: [id] }),
    ]);
    const status = states[state] ?? 'unset';
    return { status, eta: status === 'waiting' || status === 'ready' ? timestamp : undefined };
  } catch (err) {
    throw mapError(err, { contractAddress: timelock, action: `timelock operation ${id} on chain ${client.chainId}` });
  }
}
