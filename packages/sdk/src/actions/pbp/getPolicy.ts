import type { Hex } from 'viem';
import { policyBoundProofsAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetPolicyParameters = { policyHash: bigint };
export type GetPolicyReturnType = {
  createCircuitId: Hex;
  spendCircuitId: Hex;
  attestationQuorum: number;
  active: boolean;
  registered: boolean;
};
export type GetPolicyErrorType = ConfigError | TransportError;

/** A policy as registered in PolicyBoundProofs. */
export async function getPolicy(client: PilClient, parameters: GetPolicyParameters): Promise<GetPolicyReturnType> {
  return readPilContract<GetPolicyReturnType>(client, {
    contract: 'pbp',
    abi: policyBoundProofsAbi,
    functionName: 'getPolicy',
    args: [parameters.policyHash],
  });
}
