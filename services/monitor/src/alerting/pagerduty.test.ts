import { afterEach, describe, expect, it } from 'vitest';
import { AlertDeliveryError } from './errors.js';
import { createPagerDutyChannel } from './pagerduty.js';
import { type HttpReceiver, startHttpReceiver } from './test-servers.js';
import type { Alert } from './types.js';

const ROUTING_KEY = 'e93facc04764012d7bfb002500d5d1a6';
const FAST = { backoffMs: 2, timeoutMs: 2_000 };

const alert: Alert = {
  key: 'relayer_response_time:31338',
  severity: 'critical',
  summary: 'Relayer response time p99 41.2 s > 30 s on devnet-31338',
  metric: 'relayer_response_time',
  value: 41.2,
  threshold: 30,
  chainId: 31338,
  details: { relayer: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', samples: 120 },
};

let receiver: HttpReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function channel(reply = { status: 202, body: '{"status":"success","message":"Event processed"}' }) {
  receiver = await startHttpReceiver(reply);
  return {
    receiver,
    pagerduty: createPagerDutyChannel({
      routingKey: ROUTING_KEY,
      url: `${receiver.url}/v2/enqueue`,
      source: 'pil-monitor/devnet',
      ...FAST,
    }),
  };
}

describe('PagerDuty channel', () => {
  it('sends Events API v2 trigger and resolve bodies', async () => {
    const { receiver, pagerduty } = await channel();
    expect(pagerduty.name).toBe('pagerduty');
    await pagerduty.send({ action: 'trigger', alert, at: 1 });
    await pagerduty.send({ action: 'resolve', alert, at: 2 });

    expect(receiver.requests.map((r) => [r.method, r.path, r.contentType])).toEqual([
      ['POST', '/v2/enqueue', 'application/json'],
      ['POST', '/v2/enqueue', 'application/json'],
    ]);
    expect(receiver.bodies()).toEqual([
      {
        routing_key: ROUTING_KEY,
        event_action: 'trigger',
        dedup_key: 'relayer_response_time:31338',
        payload: {
          summary: 'Relayer response time p99 41.2 s > 30 s on devnet-31338',
          severity: 'critical',
          source: 'pil-monitor/devnet',
          custom_details: {
            metric: 'relayer_response_time',
            value: 41.2,
            threshold: 30,
            chainId: 31338,
            relayer: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
            samples: 120,
          },
        },
      },
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'relayer_response_time:31338' },
    ]);
  });

  it('sends a warning as severity warning and leaves absent fields out', async () => {
    const { receiver, pagerduty } = await channel();
    await pagerduty.send({ action: 'trigger', alert: { key: 'k', severity: 'warning', summary: 's' }, at: 1 });
    expect(receiver.bodies()).toEqual([
      {
        routing_key: ROUTING_KEY,
        event_action: 'trigger',
        dedup_key: 'k',
        payload: { summary: 's', severity: 'warning', source: 'pil-monitor/devnet', custom_details: {} },
      },
    ]);
  });

  it('retries 500 and 429 with backoff, then succeeds', async () => {
    const { receiver, pagerduty } = await channel();
    receiver.script.push({ status: 500 }, { status: 429, headers: { 'retry-after': '0' } });
    await pagerduty.send({ action: 'trigger', alert, at: 1 });
    expect(receiver.requests).toHaveLength(3);
    const [first, second, third] = receiver.bodies();
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('gives up after the configured retries with a retryable error', async () => {
    receiver = await startHttpReceiver({ status: 503 });
    const pagerduty = createPagerDutyChannel({
      routingKey: ROUTING_KEY,
      url: receiver.url,
      source: 'x',
      retries: 2,
      backoffMs: 1,
    });
    const error = await pagerduty.send({ action: 'trigger', alert, at: 1 }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AlertDeliveryError);
    expect(error).toMatchObject({ channel: 'pagerduty', retryable: true, status: 503 });
    expect(receiver.requests).toHaveLength(3);
  });

  it('does not retry a 400 and keeps the routing key and the payload out of the error', async () => {
    const { receiver, pagerduty } = await channel();
    // A server echoing the request must not leak it through the error either.
    receiver.script.push({ status: 400, body: `{"status":"invalid event","echo":"${ROUTING_KEY}"}` });
    const error = await pagerduty.send({ action: 'trigger', alert, at: 1 }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AlertDeliveryError);
    const { message, retryable, status, channel: name } = error as AlertDeliveryError;
    expect({ retryable, status, name }).toEqual({ retryable: false, status: 400, name: 'pagerduty' });
    expect(message).toBe('pagerduty: delivery failed, status 400 (not retryable)');
    expect(message).not.toContain(ROUTING_KEY);
    expect(message).not.toContain(alert.summary);
    expect(message).not.toContain(receiver.url);
    expect(receiver.requests).toHaveLength(1);
  });

  it('reports a refused connection and a timeout as retryable, naming only the code', async () => {
    const closed = await startHttpReceiver({ status: 202 });
    const deadUrl = closed.url;
    await closed.close();
    const refused = createPagerDutyChannel({
      routingKey: ROUTING_KEY,
      url: deadUrl,
      source: 'x',
      retries: 1,
      backoffMs: 1,
    });
    const refusedError = (await refused.send({ action: 'trigger', alert, at: 1 }).catch((e: unknown) => e)) as Error;
    expect(refusedError).toMatchObject({
      retryable: true,
      message: 'pagerduty: delivery failed, network error ECONNREFUSED',
    });

    receiver = await startHttpReceiver({ status: 202 });
    receiver.hang = true;
    const slow = createPagerDutyChannel({
      routingKey: ROUTING_KEY,
      url: receiver.url,
      source: 'x',
      retries: 0,
      timeoutMs: 50,
    });
    const timeoutError = await slow.send({ action: 'trigger', alert, at: 1 }).catch((e: unknown) => e);
    expect(timeoutError).toMatchObject({
      retryable: true,
      message: 'pagerduty: delivery failed, no answer within 50 ms',
    });
  });

  it('refuses an unparsable URL without echoing it', () => {
    expect(() =>
      createPagerDutyChannel({ routingKey: ROUTING_KEY, url: `not a url ${ROUTING_KEY}`, source: 'x' }),
    ).toThrow('pagerduty: url is not a valid URL');
  });
});
