import { proofCarryingContainerAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetLocalDomainIdParameters = undefined;
export type GetLocalDomainIdReturnType = bigint;
export type GetLocalDomainIdErrorType = ConfigError | TransportError;

/** This chain's domain id, `domainId(chainId, appId)`. */
export async function getLocalDomainId(client: PilClient): Promise<GetLocalDomainIdReturnType> {
  return readPilContract<GetLocalDomainIdReturnType>(client, {
    contract: 'pc3',
    abi: proofCarryingContainerAbi,
    functionName: 'localDomainId',
  });
}
