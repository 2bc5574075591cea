import type { Address } from 'viem';
import { pilv2OrchestratorAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type IsPausedForParameters = { target: Address };
export type IsPausedForReturnType = boolean;
export type IsPausedForErrorType = ConfigError | TransportError;

/** Whether `target` is paused (chain flag or its own flag). */
export async function isPausedFor(
  client: PilClient,
  parameters: IsPausedForParameters,
): Promise<IsPausedForReturnType> {
  return readPilContract<IsPausedForReturnType>(client, {
    contract: 'orchestrator',
    abi: pilv2OrchestratorAbi,
    functionName: 'isPausedFor',
    args: [parameters.target],
  });
}
