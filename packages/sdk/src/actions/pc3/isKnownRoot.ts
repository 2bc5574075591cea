import { proofCarryingContainerAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type IsKnownRootParameters = { root: bigint; rootSize: bigint };
export type IsKnownRootReturnType = boolean;
export type IsKnownRootErrorType = ConfigError | TransportError;

/** Whether a spend may name `root` with `rootSize` (protocol §3). */
export async function isKnownRoot(
  client: PilClient,
  parameters: IsKnownRootParameters,
): Promise<IsKnownRootReturnType> {
  return readPilContract<IsKnownRootReturnType>(client, {
    contract: 'pc3',
    abi: proofCarryingContainerAbi,
    functionName: 'isKnownRoot',
    args: [parameters.root, parameters.rootSize],
  });
}
