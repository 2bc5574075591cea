import type { Address, Hex } from 'viem';
import { pilBaseAbi } from '../../abi/generated/index.js';
import type { PilContractId } from '../../clients/addresses.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { getPilAddress } from '../../clients/resolve.js';
import { type ConfigError, InvalidParameterError, type TransportError } from '../../errors/families.js';
import { type PreparedCall, preparePilCall } from '../internal/prepare.js';

export type PrepareUpgradeParameters = {
  contract: PilContractId;
  /** The new implementation (already deployed). */
  implementation: Address;
  /** Calldata run in the proxy's context after the upgrade (default: none). */
  data?: Hex | undefined;
};
export type PrepareUpgradeReturnType = PreparedCall & { proxy: Address; currentImplementation: Address };
export type PrepareUpgradeErrorType = ConfigError | InvalidParameterError | TransportError;

/** ERC-1967 implementation slot: bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1). */
export const IMPLEMENTATION_SLOT: Hex = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';

/**
 * `upgradeToAndCall(implementation, data)` on a PIL proxy (UP-001), for the 48 h timelock
 * (`UPGRADER_ROLE`). Refuses an implementation without code and the implementation already in place.
 */
export async function prepareUpgrade(
  client: PilClient,
  parameters: PrepareUpgradeParameters,
): Promise<PrepareUpgradeReturnType> {
  const proxy = getPilAddress(client, parameters.contract);
  const code = await client.public.getCode({ address: parameters.implementation });
  if (!code || code === '0x') {
    throw new InvalidParameterError(`The new implementation ${parameters.implementation} has no code`, {
      hint: 'Deploy it first (pil upgrade prepare)',
    });
  }
  const slot = await client.public.getStorageAt({ address: proxy, slot: IMPLEMENTATION_SLOT });
  const currentImplementation = `0x${(slot ?? '0x').slice(-40).padStart(40, '0')}` as Address;
  if (currentImplementation.toLowerCase() === parameters.implementation.toLowerCase()) {
    throw new InvalidParameterError(`${parameters.contract} already runs ${parameters.implementation}`);
  }
  const call = preparePilCall(client, {
    contract: parameters.contract,
    label: parameters.contract,
    abi: pilBaseAbi,
    functionName: 'upgradeToAndCall',
    args: [parameters.implementation, parameters.data ?? '0x'],
  });
  return { ...call, proxy, currentImplementation };
}
