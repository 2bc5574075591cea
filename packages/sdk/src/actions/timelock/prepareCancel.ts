import { type Address, encodeFunctionData, type Hex } from 'viem';
import type { PilClient } from '../../clients/createPilClient.js';
import type { PreparedCall } from '../internal/prepare.js';
import { timelockAbi } from './timelockAbi.js';

export type PrepareCancelParameters = { timelock: Address; id: Hex };
export type PrepareCancelReturnType = PreparedCall;
export type PrepareCancelErrorType = never;

/** `cancel(id)` for the timelock's canceller (the Safe) to send. */
export function prepareCancel(_client: PilClient, parameters: PrepareCancelParameters): PrepareCancelReturnType {
  return {
    to: parameters.timelock,
    data: encodeFunctionData({ abi: timelockAbi, functionName: 'cancel', args: [parameters.id] }),
    value: 0n,
    description: `TimelockController.cancel(${parameters.id})`,
  };
}
