import type { Address } from 'viem';
import { pilv2OrchestratorAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, UnauthorizedAccountError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type UnpauseParameters = (WriteOptions & { target?: Address | undefined }) | undefined;
export type UnpauseReturnType = WriteResult;
export type UnpauseErrorType =
  | UnauthorizedAccountError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** Clears the chain's pause flag, or `target`'s (`UNPAUSER_ROLE`: the 6 h timelock in production). */
export async function unpause(client: PilClient, parameters?: UnpauseParameters): Promise<UnpauseReturnType> {
  return writePilContract(client, {
    contract: 'orchestrator',
    abi: pilv2OrchestratorAbi,
    functionName: parameters?.target ? 'unpauseContract' : 'unpause',
    args: parameters?.target ? [parameters.target] : [],
    gas: parameters?.gas,
  });
}
