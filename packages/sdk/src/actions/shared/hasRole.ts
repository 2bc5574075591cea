import { type Address, type Hex, keccak256, toBytes } from 'viem';
import { pilBaseAbi } from '../../abi/generated/index.js';
import type { PilContractId } from '../../clients/addresses.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type HasRoleParameters = {
  contract: PilContractId;
  /** A role name of protocol §8 (e.g. `GUARDIAN_ROLE`) or its bytes32 id. */
  role: string;
  account: Address;
};
export type HasRoleReturnType = boolean;
export type HasRoleErrorType = ConfigError | TransportError;

/** The bytes32 id of a role name (`DEFAULT_ADMIN_ROLE` is zero). */
export function roleId(role: string): Hex {
  if (/^0x[0-9a-fA-F]{64}$/.test(role)) return role as Hex;
  return role === 'DEFAULT_ADMIN_ROLE' ? `0x${'0'.repeat(64)}` : keccak256(toBytes(role));
}

/** Whether `account` holds `role` on a PIL contract (`hasRole(bytes32,address)(bool)`). */
export async function hasRole(client: PilClient, parameters: HasRoleParameters): Promise<HasRoleReturnType> {
  return readPilContract<boolean>(client, {
    contract: parameters.contract,
    abi: pilBaseAbi,
    functionName: 'hasRole',
    args: [roleId(parameters.role), parameters.account],
  });
}
