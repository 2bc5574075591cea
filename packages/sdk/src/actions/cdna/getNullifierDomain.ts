import { crossDomainNullifierAlgebraAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetNullifierDomainParameters = { nullifier: bigint };
export type GetNullifierDomainReturnType = readonly [boolean, bigint];
export type GetNullifierDomainErrorType = ConfigError | TransportError;

/** Whether the nullifier was consumed, and in which domain. */
export async function getNullifierDomain(
  client: PilClient,
  parameters: GetNullifierDomainParameters,
): Promise<GetNullifierDomainReturnType> {
  return readPilContract<GetNullifierDomainReturnType>(client, {
    contract: 'cdna',
    abi: crossDomainNullifierAlgebraAbi,
    functionName: 'consumedIn',
    args: [parameters.nullifier],
  });
}
