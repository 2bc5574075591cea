import type { Address, Hash, Hex } from 'viem';
import { zeroHash } from 'viem';
import type { PilClient } from '../../clients/createPilClient.js';
import type { TransportError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';
import { getOperationStatus, type OperationStatus } from './getOperationStatus.js';
import type { TimelockCall } from './prepareSchedule.js';
import { timelockAbi } from './timelockAbi.js';

export type TimelockOperation = {
  id: Hex;
  timelock: Address;
  calls: TimelockCall[];
  predecessor: Hex;
  salt: Hex;
  delay: bigint;
  /** `cancelled` when a `Cancelled` event cleared it. */
  status: OperationStatus | 'cancelled';
  eta: bigint | undefined;
  scheduledBlock: bigint;
  scheduledTx: Hash;
  executedTx: Hash | undefined;
};
export type GetOperationsParameters = { timelock: Address; fromBlock?: bigint | undefined };
export type GetOperationsReturnType = TimelockOperation[];
export type GetOperationsErrorType = TransportError;

/** Every operation of a timelock, rebuilt from `CallScheduled`/`CallSalt`/`CallExecuted`/`Cancelled`, with its status. */
export async function getOperations(
  client: PilClient,
  parameters: GetOperationsParameters,
): Promise<GetOperationsReturnType> {
  const { timelock } = parameters;
  const fromBlock = parameters.fromBlock ?? client.fromBlock;
  const events = async (eventName: 'CallScheduled' | 'CallSalt' | 'CallExecuted' | 'Cancelled') => {
    try {
      return await client.public.getContractEvents({
        address: timelock,
        abi: timelockAbi,
        eventName,
        fromBlock,
        toBlock: 'latest',
      });
    } catch (err) {
      throw mapError(err, { contractAddress: timelock, action: `${eventName} events on chain ${client.chainId}` });
    }
  };
  const [scheduled, salts, executed, cancelled] = await Promise.all([
    events('CallScheduled'),
    events('CallSalt'),
    events('CallExecuted'),
    events('Cancelled'),
  ]);
  const ops = new Map<Hex, TimelockOperation>();
  for (const e of scheduled) {
    const a = e.args as {
      id: Hex;
      index: bigint;
      target: Address;
      value: bigint;
      data: Hex;
      predecessor: Hex;
      delay: bigint;
    };
    let op = ops.get(a.id);
    if (!op || a.index === 0n) {
      // A cancelled id may be scheduled again: the latest scheduling wins.
      op = {
        id: a.id,
        timelock,
        calls: [],
        predecessor: a.predecessor,
        salt: op?.salt ?? zeroHash,
        delay: a.delay,
        status: 'unset',
        eta: undefined,
        scheduledBlock: e.blockNumber,
        scheduledTx: e.transactionHash,
        executedTx: undefined,
      };
      ops.set(a.id, op);
    }
    op.calls[Number(a.index)] = { target: a.target, value: a.value, data: a.data };
  }
  for (const e of salts) {
    const a = e.args as { id: Hex; salt: Hex };
    const op = ops.get(a.id);
    if (op) op.salt = a.salt;
  }
  for (const e of executed) {
    const op = ops.get((e.args as { id: Hex }).id);
    if (op) op.executedTx = e.transactionHash;
  }
  const cancelledIds = new Set(cancelled.map((e) => (e.args as { id: Hex }).id));
  await Promise.all(
    [...ops.values()].map(async (op) => {
      const s = await getOperationStatus(client, { timelock, id: op.id });
      op.status = s.status === 'unset' && cancelledIds.has(op.id) ? 'cancelled' : s.status;
      op.eta = s.eta;
    }),
  );
  return [...ops.values()].sort((x, y) => Number(x.scheduledBlock - y.scheduledBlock));
}
