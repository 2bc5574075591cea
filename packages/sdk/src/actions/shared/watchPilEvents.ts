import type { Address } from 'viem';
import type { PilContractId } from '../../clients/addresses.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { getPilAddress } from '../../clients/resolve.js';
import type { BaseError } from '../../errors/base.js';
import type { ConfigError, InvalidParameterError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';
import type { PilEvent } from '../internal/events.js';
import { pilEvent } from './getPilEvents.js';

export type WatchPilEventsParameters = {
  contract: PilContractId;
  eventName: string;
  args?: Record<string, unknown> | undefined;
  onEvents: (events: PilEvent[]) => void;
  /** Called with mapped SDK errors (retryable ones are retried by the poller). */
  onError?: ((error: BaseError) => void) | undefined;
  address?: Address | undefined;
};
/** Stops watching. */
export type WatchPilEventsReturnType = () => void;
export type WatchPilEventsErrorType = InvalidParameterError | ConfigError;

/** Calls `onEvents` with new decoded events of one PIL contract as blocks arrive (polling). */
export function watchPilEvents(client: PilClient, parameters: WatchPilEventsParameters): WatchPilEventsReturnType {
  const address = parameters.address ?? getPilAddress(client, parameters.contract);
  return client.public.watchEvent({
    address,
    event: pilEvent(parameters.eventName),
    ...(parameters.args ? { args: parameters.args } : {}),
    strict: true,
    onLogs: (logs) =>
      parameters.onEvents(
        logs.map((l) => ({
          eventName: parameters.eventName,
          args: (l as unknown as { args: Record<string, unknown> }).args,
          address: l.address,
          blockNumber: l.blockNumber ?? 0n,
          logIndex: l.logIndex ?? 0,
          transactionHash: l.transactionHash ?? '0x',
        })),
      ),
    onError: (err) => parameters.onError?.(mapError(err, { action: `watch ${parameters.eventName}` })),
  });
}
