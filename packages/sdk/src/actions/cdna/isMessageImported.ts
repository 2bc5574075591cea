import type { Hex } from 'viem';
import { crossDomainNullifierAlgebraAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type IsMessageImportedParameters = { messageId: Hex };
export type IsMessageImportedReturnType = boolean;
export type IsMessageImportedErrorType = ConfigError | TransportError;

/** Whether a cross-chain message was imported on this chain. */
export async function isMessageImported(
  client: PilClient,
  parameters: IsMessageImportedParameters,
): Promise<IsMessageImportedReturnType> {
  return readPilContract<IsMessageImportedReturnType>(client, {
    contract: 'cdna',
    abi: crossDomainNullifierAlgebraAbi,
    functionName: 'isImported',
    args: [parameters.messageId],
  });
}
