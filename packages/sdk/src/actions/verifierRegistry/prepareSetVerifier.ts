import type { Address, Hex } from 'viem';
import { verifierRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { type ContractRevertError, contractRevertError } from '../../errors/contract.js';
import { type ConfigError, InvalidParameterError, type TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareSetVerifierParameters = {
  circuitId: Hex;
  verifier: Address;
  /** keccak256 of the canonical verification_key.json (protocol §4). */
  vkHash: Hex;
  /** 3 (create) or 7 (spend); a circuit keeps its count across rotations. */
  publicInputs: number;
};
export type PrepareSetVerifierReturnType = PreparedCall & { previous: { verifier: Address; vkHash: Hex } | undefined };
export type PrepareSetVerifierErrorType = ContractRevertError | ConfigError | InvalidParameterError | TransportError;

/**
 * `VerifierRegistry.setVerifier` (EP-003 key rotation), for the 48 h timelock
 * (`VERIFIER_ADMIN_ROLE`). Refuses before anything is proposed what the registry would
 * refuse: a verifier without code, a public-input count other than 3 or 7 or different
 * from the current one, and a rotation to the key already in place.
 */
export async function prepareSetVerifier(
  client: PilClient,
  parameters: PrepareSetVerifierParameters,
): Promise<PrepareSetVerifierReturnType> {
  const { circuitId, verifier, vkHash, publicInputs } = parameters;
  if (publicInputs !== 3 && publicInputs !== 7) {
    throw contractRevertError({
      errorName: 'UnsupportedPublicInputCount',
      args: [BigInt(publicInputs)],
      functionName: 'setVerifier',
    });
  }
  const code = await client.public.getCode({ address: verifier });
  if (!code || code === '0x') {
    throw contractRevertError({ errorName: 'VerifierHasNoCode', args: [verifier], functionName: 'setVerifier' });
  }
  const current = await readPilContract<{ verifier: Address; publicInputs: number; vkHash: Hex }>(client, {
    contract: 'verifierRegistry',
    abi: verifierRegistryAbi,
    functionName: 'verifierOf',
    args: [circuitId],
  });
  const registered = current.verifier !== '0x0000000000000000000000000000000000000000';
  if (registered && current.publicInputs !== publicInputs) {
    throw contractRevertError({
      errorName: 'PublicInputCountChanged',
      args: [circuitId, BigInt(current.publicInputs), BigInt(publicInputs)],
      functionName: 'setVerifier',
    });
  }
  if (registered && current.vkHash.toLowerCase() === vkHash.toLowerCase()) {
    throw new InvalidParameterError(`Circuit ${circuitId} already uses the key ${vkHash}`, {
      details: `current verifier ${current.verifier}`,
      hint: 'A rotation needs a new key (a new ceremony)',
    });
  }
  const call = preparePilCall(client, {
    contract: 'verifierRegistry',
    label: 'VerifierRegistry',
    abi: verifierRegistryAbi,
    functionName: 'setVerifier',
    args: [circuitId, verifier, vkHash, publicInputs],
  });
  return { ...call, previous: registered ? { verifier: current.verifier, vkHash: current.vkHash } : undefined };
}
