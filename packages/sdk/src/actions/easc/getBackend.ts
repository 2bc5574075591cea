import type { Address, Hex } from 'viem';
import { executionAgnosticStateCommitmentsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetBackendParameters = { backendId: Hex };
export type GetBackendReturnType = { kind: number; signer: Address; active: boolean; registered: boolean };
export type GetBackendErrorType = ConfigError | TransportError;

/** An execution backend. */
export async function getBackend(client: PilClient, parameters: GetBackendParameters): Promise<GetBackendReturnType> {
  return readPilContract<GetBackendReturnType>(client, {
    contract: 'easc',
    abi: executionAgnosticStateCommitmentsAbi,
    functionName: 'getBackend',
    args: [parameters.backendId],
  });
}
