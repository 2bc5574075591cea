import type { Hex } from 'viem';
import { crossDomainNullifierAlgebraAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetDomainParameters = { domainId: bigint };
export type GetDomainReturnType = { chainId: bigint; appId: Hex; registered: boolean };
export type GetDomainErrorType = ConfigError | TransportError;

/** A registered domain. */
export async function getDomain(client: PilClient, parameters: GetDomainParameters): Promise<GetDomainReturnType> {
  return readPilContract<GetDomainReturnType>(client, {
    contract: 'cdna',
    abi: crossDomainNullifierAlgebraAbi,
    functionName: 'getDomain',
    args: [parameters.domainId],
  });
}
