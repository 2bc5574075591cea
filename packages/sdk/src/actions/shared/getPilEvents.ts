import type { AbiEvent, Address } from 'viem';
import type { PilContractId } from '../../clients/addresses.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { getPilAddress } from '../../clients/resolve.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { InvalidParameterError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';
import { type PilEvent, pilEventsAbi } from '../internal/events.js';

export type GetPilEventsParameters = {
  contract: PilContractId;
  /** Event name as in the contract interface (e.g. `ContainerCreated`). */
  eventName: string;
  /** Indexed argument filters. */
  args?: Record<string, unknown> | undefined;
  /** Default: the deployment block. */
  fromBlock?: bigint | undefined;
  /** Default: latest. */
  toBlock?: bigint | undefined;
  /** Blocks per eth_getLogs request (default 10,000; public RPCs limit ranges). */
  blockRange?: bigint | undefined;
  address?: Address | undefined;
};
export type GetPilEventsReturnType = PilEvent[];
export type GetPilEventsErrorType = InvalidParameterError | ConfigError | TransportError;

/** The event's ABI item, or InvalidParameterError. */
export function pilEvent(eventName: string): AbiEvent {
  const event = pilEventsAbi.find((e) => e.name === eventName);
  if (!event) throw new InvalidParameterError(`No PIL event named ${eventName}`, { docsPath: '#events' });
  return event;
}

/** Decoded logs of one event of one PIL contract, in chain order, fetched in block ranges. */
export async function getPilEvents(
  client: PilClient,
  parameters: GetPilEventsParameters,
): Promise<GetPilEventsReturnType> {
  const address = parameters.address ?? getPilAddress(client, parameters.contract);
  const event = pilEvent(parameters.eventName);
  try {
    const toBlock = parameters.toBlock ?? (await client.public.getBlockNumber({ cacheTime: 0 }));
    const range = parameters.blockRange ?? 10_000n;
    const out: PilEvent[] = [];
    for (let from = parameters.fromBlock ?? client.fromBlock; from <= toBlock; from += range) {
      const to = from + range - 1n < toBlock ? from + range - 1n : toBlock;
      const logs = await client.public.getLogs({
        address,
        event,
        ...(parameters.args ? { args: parameters.args } : {}),
        fromBlock: from,
        toBlock: to,
        strict: true,
      });
      for (const l of logs) {
        out.push({
          eventName: parameters.eventName,
          args: l.args as Record<string, unknown>,
          address: l.address,
          blockNumber: l.blockNumber ?? 0n,
          logIndex: l.logIndex ?? 0,
          transactionHash: l.transactionHash ?? '0x',
        });
      }
    }
    return out;
  } catch (err) {
    throw mapError(err, { action: `${parameters.contract} ${parameters.eventName} logs on chain ${client.chainId}` });
  }
}
