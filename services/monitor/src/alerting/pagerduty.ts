/**
 * PagerDuty Events API v2 channel: a trigger opens (or re-triggers) the incident keyed by
 * `dedup_key` = the alert key, a resolve closes it. PagerDuty answers 202 when it accepts an event.
 */

import { truncate } from './format.js';
import { checkUrl, postJson, type RetryOptions } from './http.js';
import type { Channel, Notification } from './types.js';

export type PagerDutyOptions = RetryOptions & {
  /** The integration's routing key (secret). */
  routingKey: string;
  /** Default https://events.pagerduty.com/v2/enqueue. */
  url?: string;
  /** `payload.source`: where the alert comes from, e.g. `pil-monitor/devnet`. */
  source: string;
  /** Default `pagerduty`; distinct names let the router hold several PagerDuty services. */
  name?: string;
};

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
/** PagerDuty caps `payload.summary` at 1024 characters. */
const SUMMARY_MAX = 1024;

export function pagerDutyEvent(routingKey: string, source: string, notification: Notification): object {
  const { alert } = notification;
  if (notification.action === 'resolve') {
    return { routing_key: routingKey, event_action: 'resolve', dedup_key: alert.key };
  }
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: alert.key,
    payload: {
      summary: truncate(alert.summary, SUMMARY_MAX),
      severity: alert.severity,
      source,
      custom_details: {
        metric: alert.metric,
        value: alert.value,
        threshold: alert.threshold,
        chainId: alert.chainId,
        ...alert.details,
      },
    },
  };
}

export function createPagerDutyChannel(options: PagerDutyOptions): Channel {
  const name = options.name ?? 'pagerduty';
  const url = options.url ?? PAGERDUTY_EVENTS_URL;
  checkUrl(name, 'url', url);
  if (options.routingKey === '') throw new TypeError(`${name}: routingKey is empty`);
  return {
    name,
    async send(notification) {
      await postJson(
        {
          channel: name,
          url,
          body: pagerDutyEvent(options.routingKey, options.source, notification),
          accepted: (status) => status >= 200 && status < 300,
          secrets: [options.routingKey, url],
        },
        options,
      );
    },
  };
}
