import type { Address, Hex } from 'viem';
import { verifierRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetVerifierParameters = { circuitId: Hex };
export type GetVerifierReturnType = { verifier: Address; publicInputs: number; vkHash: Hex };
export type GetVerifierErrorType = ConfigError | TransportError;

/** The current verifier of a circuit. */
export async function getVerifier(
  client: PilClient,
  parameters: GetVerifierParameters,
): Promise<GetVerifierReturnType> {
  return readPilContract<GetVerifierReturnType>(client, {
    contract: 'verifierRegistry',
    abi: verifierRegistryAbi,
    functionName: 'verifierOf',
    args: [parameters.circuitId],
  });
}
