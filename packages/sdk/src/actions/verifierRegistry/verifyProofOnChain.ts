import type { Hex } from 'viem';
import { verifierRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError, InvalidProofError } from '../../errors/contract.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import type { ContractProof } from '../../types/proof.js';
import { simulatePilContract } from '../internal/contract.js';

export type VerifyProofOnChainParameters = {
  circuitId: Hex;
  proof: ContractProof;
  publicInputs: readonly bigint[];
};
/** True when the current key accepts it; false when only a retired key does. */
export type VerifyProofOnChainReturnType = boolean;
export type VerifyProofOnChainErrorType = InvalidProofError | ContractRevertError | ConfigError | TransportError;

/**
 * Checks a proof with the chain's registered verifier (`VerifierRegistry.verifyProof`,
 * simulated: nothing is sent). A proof no key accepts throws InvalidProofError.
 */
export async function verifyProofOnChain(
  client: PilClient,
  parameters: VerifyProofOnChainParameters,
): Promise<VerifyProofOnChainReturnType> {
  return simulatePilContract<boolean>(client, {
    contract: 'verifierRegistry',
    abi: verifierRegistryAbi,
    functionName: 'verifyProof',
    args: [parameters.circuitId, parameters.proof, parameters.publicInputs],
  });
}
