/**
 * Prepared calls: the `to`/`data`/`value` of a contract call, encoded but not
 * sent, for governance (a Safe transaction or a timelock operation carries it).
 * `prepareX` actions return one; the caller decides who sends it.
 */
import { type Abi, type Address, encodeFunctionData, type Hex } from 'viem';
import type { PilContractId } from '../../clients/addresses.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { getPilAddress } from '../../clients/resolve.js';
import { InvalidParameterError } from '../../errors/families.js';

export type PreparedCall = {
  to: Address;
  data: Hex;
  value: bigint;
  /** e.g. "RelayerRegistry.removeRelayer(0x…)" */
  description: string;
};

export function preparePilCall(
  client: PilClient,
  call: {
    contract: PilContractId;
    label: string;
    abi: Abi;
    functionName: string;
    args?: readonly unknown[];
    value?: bigint;
    address?: Address;
  },
): PreparedCall {
  const to = call.address ?? getPilAddress(client, call.contract);
  let data: Hex;
  try {
    data = encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args ?? [] } as never);
  } catch (err) {
    throw new InvalidParameterError(`Cannot encode ${call.label}.${call.functionName}`, {
      details: err instanceof Error ? err.message.split('\n')[0] : String(err),
      cause: err,
    });
  }
  const args = (call.args ?? []).map(describeArg).join(', ');
  return { to, data, value: call.value ?? 0n, description: `${call.label}.${call.functionName}(${args})` };
}

/** An argument as people read it: structs and arrays as JSON (bigints as numbers), the rest as strings. */
function describeArg(a: unknown): string {
  if (a === null || typeof a !== 'object') return String(a);
  return JSON.stringify(a, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}
