import { proofCarryingContainerAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetTreeSizeParameters = { blockNumber?: bigint | undefined } | undefined;
export type GetTreeSizeReturnType = bigint;
export type GetTreeSizeErrorType = ConfigError | TransportError;

/** The number of leaves of the chain's commitment tree (at `blockNumber`, default the latest block). */
export async function getTreeSize(
  client: PilClient,
  parameters?: GetTreeSizeParameters,
): Promise<GetTreeSizeReturnType> {
  return readPilContract<bigint>(client, {
    contract: 'pc3',
    abi: proofCarryingContainerAbi,
    functionName: 'treeSize',
    blockNumber: parameters?.blockNumber,
  });
}
