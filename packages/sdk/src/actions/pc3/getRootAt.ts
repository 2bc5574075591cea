import { proofCarryingContainerAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetRootAtParameters = { size: bigint };
export type GetRootAtReturnType = bigint;
export type GetRootAtErrorType = ConfigError | TransportError;

/** The root of the tree at `size` leaves if among the last 128 sizes, else 0. */
export async function getRootAt(client: PilClient, parameters: GetRootAtParameters): Promise<GetRootAtReturnType> {
  return readPilContract<GetRootAtReturnType>(client, {
    contract: 'pc3',
    abi: proofCarryingContainerAbi,
    functionName: 'rootAt',
    args: [parameters.size],
  });
}
