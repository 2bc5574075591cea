import type { Address } from 'viem';
import { pilv2OrchestratorAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, InvalidParameterError } from '../../errors/families.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareUnpauseParameters = {
  /** Clear only this contract's flag (`unpauseContract`); default: the chain flag (`unpause`). */
  target?: Address | undefined;
};
export type PrepareUnpauseReturnType = PreparedCall;
export type PrepareUnpauseErrorType = ConfigError | InvalidParameterError;

/** The unpause call (RP-001), for the 6 h timelock (`UNPAUSER_ROLE`) to execute. */
export function prepareUnpause(client: PilClient, parameters: PrepareUnpauseParameters = {}): PrepareUnpauseReturnType {
  return preparePilCall(client, {
    contract: 'orchestrator',
    label: 'PILv2Orchestrator',
    abi: pilv2OrchestratorAbi,
    functionName: parameters.target ? 'unpauseContract' : 'unpause',
    args: parameters.target ? [parameters.target] : [],
  });
}
