import type { Address } from 'viem';
import { pilv2OrchestratorAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetComponentsParameters = undefined;
export type GetComponentsReturnType = {
  container: Address;
  policies: Address;
  stateCommitments: Address;
  nullifiers: Address;
  verifierRegistry: Address;
  hub: Address;
  relayerRegistry: Address;
};
export type GetComponentsErrorType = ConfigError | TransportError;

/** The contracts the orchestrator coordinates. */
export async function getComponents(client: PilClient): Promise<GetComponentsReturnType> {
  return readPilContract<GetComponentsReturnType>(client, {
    contract: 'orchestrator',
    abi: pilv2OrchestratorAbi,
    functionName: 'components',
  });
}
