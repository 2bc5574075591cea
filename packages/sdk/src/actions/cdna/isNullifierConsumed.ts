import { crossDomainNullifierAlgebraAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type IsNullifierConsumedParameters = { nullifier: bigint };
export type IsNullifierConsumedReturnType = boolean;
export type IsNullifierConsumedErrorType = ConfigError | TransportError;

/** Whether the nullifier was consumed (in any domain: the set is global). */
export async function isNullifierConsumed(
  client: PilClient,
  parameters: IsNullifierConsumedParameters,
): Promise<IsNullifierConsumedReturnType> {
  return readPilContract<IsNullifierConsumedReturnType>(client, {
    contract: 'cdna',
    abi: crossDomainNullifierAlgebraAbi,
    functionName: 'isConsumed',
    args: [parameters.nullifier],
  });
}
