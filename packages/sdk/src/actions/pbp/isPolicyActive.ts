import { policyBoundProofsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type IsPolicyActiveParameters = { policyHash: bigint };
export type IsPolicyActiveReturnType = boolean;
export type IsPolicyActiveErrorType = ConfigError | TransportError;

/** Whether the policy is registered and active. */
export async function isPolicyActive(
  client: PilClient,
  parameters: IsPolicyActiveParameters,
): Promise<IsPolicyActiveReturnType> {
  return readPilContract<IsPolicyActiveReturnType>(client, {
    contract: 'pbp',
    abi: policyBoundProofsAbi,
    functionName: 'isActive',
    args: [parameters.policyHash],
  });
}
