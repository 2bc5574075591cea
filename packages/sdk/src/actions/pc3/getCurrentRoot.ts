import { proofCarryingContainerAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetCurrentRootParameters = undefined;
export type GetCurrentRootReturnType = bigint;
export type GetCurrentRootErrorType = ConfigError | TransportError;

/** The current root of the commitment tree (0 when empty). */
export async function getCurrentRoot(client: PilClient): Promise<GetCurrentRootReturnType> {
  return readPilContract<GetCurrentRootReturnType>(client, {
    contract: 'pc3',
    abi: proofCarryingContainerAbi,
    functionName: 'currentRoot',
  });
}
