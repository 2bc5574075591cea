import { pilv2OrchestratorAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, UnauthorizedAccountError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type PauseParameters = WriteOptions | undefined;
export type PauseReturnType = WriteResult;
export type PauseErrorType =
  | UnauthorizedAccountError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** Sets the chain's pause flag (`GUARDIAN_ROLE`: the client's account must hold it). */
export async function pause(client: PilClient, parameters?: PauseParameters): Promise<PauseReturnType> {
  return writePilContract(client, {
    contract: 'orchestrator',
    abi: pilv2OrchestratorAbi,
    functionName: 'pause',
    gas: parameters?.gas,
  });
}
