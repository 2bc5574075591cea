import { pilv2OrchestratorAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type IsPausedParameters = undefined;
export type IsPausedReturnType = boolean;
export type IsPausedErrorType = ConfigError | TransportError;

/** Whether the chain's one pause flag is set (`PILv2Orchestrator.isPaused()`). */
export async function isPaused(client: PilClient): Promise<IsPausedReturnType> {
  return readPilContract<boolean>(client, {
    contract: 'orchestrator',
    abi: pilv2OrchestratorAbi,
    functionName: 'isPaused',
  });
}
