import type { Hex } from 'viem';
import { executionAgnosticStateCommitmentsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetAttestationDigestParameters = { commitment: bigint; policyHash: bigint; backendId: Hex };
export type GetAttestationDigestReturnType = Hex;
export type GetAttestationDigestErrorType = ConfigError | TransportError;

/** The EIP-712 digest a backend signs to attest a commitment. */
export async function getAttestationDigest(
  client: PilClient,
  parameters: GetAttestationDigestParameters,
): Promise<GetAttestationDigestReturnType> {
  return readPilContract<GetAttestationDigestReturnType>(client, {
    contract: 'easc',
    abi: executionAgnosticStateCommitmentsAbi,
    functionName: 'attestationDigest',
    args: [parameters.commitment, parameters.policyHash, parameters.backendId],
  });
}
