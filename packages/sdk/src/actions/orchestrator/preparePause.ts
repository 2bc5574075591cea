import type { Address } from 'viem';
import { pilv2OrchestratorAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, InvalidParameterError } from '../../errors/families.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PreparePauseParameters = {
  /** Pause only this contract (`pauseContract`); default: the whole chain (`pauseAll`). */
  target?: Address | undefined;
};
export type PreparePauseReturnType = PreparedCall;
export type PreparePauseErrorType = ConfigError | InvalidParameterError;

/** The guardian's pause call (EP-001), for the Safe to execute: `pauseAll()` or `pauseContract(target)`. */
export function preparePause(client: PilClient, parameters: PreparePauseParameters = {}): PreparePauseReturnType {
  return parameters.target
    ? preparePilCall(client, {
        contract: 'orchestrator',
        label: 'PILv2Orchestrator',
        abi: pilv2OrchestratorAbi,
        functionName: 'pauseContract',
        args: [parameters.target],
      })
    : preparePilCall(client, {
        contract: 'orchestrator',
        label: 'PILv2Orchestrator',
        abi: pilv2OrchestratorAbi,
        functionName: 'pauseAll',
      });
}
