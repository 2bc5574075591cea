import { type Address, encodeAbiParameters, encodeFunctionData, type Hex, keccak256, toHex, zeroHash } from 'viem';
import type { PilClient } from '../../clients/createPilClient.js';
import { InvalidParameterError, type TransportError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';
import type { PreparedCall } from '../internal/prepare.js';
import { timelockAbi } from './timelockAbi.js';

export type TimelockCall = { target: Address; value: bigint; data: Hex };
export type PrepareScheduleParameters = {
  timelock: Address;
  /** One call (`schedule`) or several executed atomically (`scheduleBatch`). */
  calls: TimelockCall[];
  /** Seconds; default and minimum: the timelock's `getMinDelay()`. */
  delay?: bigint | undefined;
  /** Default: random, so the same call can be scheduled again. */
  salt?: Hex | undefined;
  predecessor?: Hex | undefined;
};
export type PrepareScheduleReturnType = PreparedCall & {
  operationId: Hex;
  salt: Hex;
  predecessor: Hex;
  delay: bigint;
  calls: TimelockCall[];
};
export type PrepareScheduleErrorType = InvalidParameterError | TransportError;

/** The operation id OpenZeppelin's TimelockController computes (`hashOperation` / `hashOperationBatch`). */
export function timelockOperationId(calls: TimelockCall[], predecessor: Hex, salt: Hex): Hex {
  if (calls.length === 1) {
    const [c] = calls as [TimelockCall];
    return keccak256(
      encodeAbiParameters(
        [{ type: 'address' }, { type: 'uint256' }, { type: 'bytes' }, { type: 'bytes32' }, { type: 'bytes32' }],
        [c.target, c.value, c.data, predecessor, salt],
      ),
    );
  }
  return keccak256(
    encodeAbiParameters(
      [{ type: 'address[]' }, { type: 'uint256[]' }, { type: 'bytes[]' }, { type: 'bytes32' }, { type: 'bytes32' }],
      [calls.map((c) => c.target), calls.map((c) => c.value), calls.map((c) => c.data), predecessor, salt],
    ),
  );
}

/** `schedule`/`scheduleBatch` calldata for the timelock's proposer (the Safe) to send, with the operation id. */
export async function prepareSchedule(
  client: PilClient,
  parameters: PrepareScheduleParameters,
): Promise<PrepareScheduleReturnType> {
  const { timelock, calls } = parameters;
  if (!calls.length) throw new InvalidParameterError('Nothing to schedule: no calls');
  let minDelay: bigint;
  try {
    minDelay = await client.public.readContract({ address: timelock, abi: timelockAbi, functionName: 'getMinDelay' });
  } catch (err) {
    throw mapError(err, { contractAddress: timelock, action: `getMinDelay on chain ${client.chainId}` });
  }
  const delay = parameters.delay ?? minDelay;
  if (delay < minDelay) {
    throw new InvalidParameterError(`Delay ${delay} s is below the timelock's minimum delay of ${minDelay} s`);
  }
  const salt = parameters.salt ?? toHex(crypto.getRandomValues(new Uint8Array(32)));
  const predecessor = parameters.predecessor ?? zeroHash;
  const single = calls.length === 1;
  const data = single
    ? encodeFunctionData({
        abi: timelockAbi,
        functionName: 'schedule',
        args: [calls[0]!.target, calls[0]!.value, calls[0]!.data, predecessor, salt, delay],
      })
    : encodeFunctionData({
        abi: timelockAbi,
        functionName: 'scheduleBatch',
        args: [
          calls.map((c) => c.target),
          calls.map((c) => c.value),
          calls.map((c) => c.data),
          predecessor,
          salt,
          delay,
        ],
      });
  return {
    to: timelock,
    data,
    value: 0n,
    description: `TimelockController.${single ? 'schedule' : 'scheduleBatch'} (${calls.length} call(s), delay ${delay} s)`,
    operationId: timelockOperationId(calls, predecessor, salt),
    salt,
    predecessor,
    delay,
    calls,
  };
}
