import type { Hex } from 'viem';
import { executionAgnosticStateCommitmentsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type HasAttestedParameters = { commitment: bigint; backendId: Hex };
export type HasAttestedReturnType = boolean;
export type HasAttestedErrorType = ConfigError | TransportError;

/** Whether `backendId` attested `commitment`. */
export async function hasAttested(
  client: PilClient,
  parameters: HasAttestedParameters,
): Promise<HasAttestedReturnType> {
  return readPilContract<HasAttestedReturnType>(client, {
    contract: 'easc',
    abi: executionAgnosticStateCommitmentsAbi,
    functionName: 'hasAttested',
    args: [parameters.commitment, parameters.backendId],
  });
}
