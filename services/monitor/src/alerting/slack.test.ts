import { afterEach, describe, expect, it } from 'vitest';
import { AlertDeliveryError } from './errors.js';
import { createSlackChannel } from './slack.js';
import { type HttpReceiver, startHttpReceiver } from './test-servers.js';
import type { Alert } from './types.js';

const TOKEN_PATH = '/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';

const alert: Alert = {
  key: 'relayer_balance:31337',
  severity: 'warning',
  summary: 'Relayer balance 0.4 ETH < 0.5 ETH on devnet-31337',
  metric: 'relayer_balance',
  value: 0.4,
  threshold: 0.5,
  chainId: 31337,
  details: { relayer: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
};

let receiver: HttpReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function slackAt(reply = { status: 200, body: 'ok' }) {
  receiver = await startHttpReceiver(reply);
  const webhookUrl = `${receiver.url}${TOKEN_PATH}`;
  return { receiver, webhookUrl, slack: createSlackChannel({ webhookUrl, backoffMs: 2, timeoutMs: 2_000 }) };
}

describe('Slack channel', () => {
  it('posts text and blocks for a trigger and a resolve', async () => {
    const { receiver, slack } = await slackAt();
    expect(slack.name).toBe('slack');
    await slack.send({ action: 'trigger', alert, at: 1 });
    await slack.send({ action: 'resolve', alert, at: 2 });

    expect(receiver.requests.map((r) => [r.path, r.contentType])).toEqual([
      [TOKEN_PATH, 'application/json'],
      [TOKEN_PATH, 'application/json'],
    ]);
    const facts = [
      'key: relayer_balance:31337',
      'metric: relayer_balance',
      'value: 0.4',
      'threshold: 0.5',
      'chainId: 31337',
      'relayer: 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
    ].join('\n');
    expect(receiver.bodies()).toEqual([
      {
        text: '[WARNING] Relayer balance 0.4 ETH &lt; 0.5 ETH on devnet-31337',
        blocks: [
          {
            type: 'header',
            text: { type: 'plain_text', text: '[WARNING] Relayer balance 0.4 ETH < 0.5 ETH on devnet-31337' },
          },
          { type: 'section', text: { type: 'plain_text', text: facts } },
        ],
      },
      {
        text: '[RESOLVED] Relayer balance 0.4 ETH &lt; 0.5 ETH on devnet-31337',
        blocks: [
          {
            type: 'header',
            text: { type: 'plain_text', text: '[RESOLVED] Relayer balance 0.4 ETH < 0.5 ETH on devnet-31337' },
          },
          { type: 'section', text: { type: 'plain_text', text: facts } },
        ],
      },
    ]);
  });

  it('tags a critical trigger [CRITICAL]', async () => {
    const { receiver, slack } = await slackAt();
    await slack.send({ action: 'trigger', alert: { key: 'k', severity: 'critical', summary: 'down' }, at: 1 });
    expect(receiver.bodies()).toMatchObject([{ text: '[CRITICAL] down' }]);
  });

  it('retries a 500, then succeeds', async () => {
    const { receiver, slack } = await slackAt();
    receiver.script.push({ status: 500, body: 'internal_error' });
    await slack.send({ action: 'trigger', alert, at: 1 });
    expect(receiver.requests).toHaveLength(2);
  });

  it('fails a 404 at once, naming Slack error word and status but never the webhook URL', async () => {
    const { receiver, slack, webhookUrl } = await slackAt();
    receiver.script.push({ status: 404, body: 'no_service' });
    const error = await slack.send({ action: 'trigger', alert, at: 1 }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AlertDeliveryError);
    expect(error).toMatchObject({
      channel: 'slack',
      retryable: false,
      status: 404,
      message: 'slack: delivery failed, status 404 no_service (not retryable)',
    });
    const { message } = error as AlertDeliveryError;
    for (const secret of [webhookUrl, TOKEN_PATH, 'XXXXXXXXXXXXXXXXXXXXXXXX', alert.summary]) {
      expect(message).not.toContain(secret);
    }
    expect(receiver.requests).toHaveLength(1);
  });

  it('treats a 200 without `ok` as a failure and drops an error body that echoes the token', async () => {
    const { receiver, slack, webhookUrl } = await slackAt();
    receiver.script.push({ status: 200, body: 'not ok' }, { status: 403, body: 'XXXXXXXXXXXXXXXXXXXXXXXX' });
    await expect(slack.send({ action: 'trigger', alert, at: 1 })).rejects.toThrow(
      'slack: delivery failed, unexpected response body with status 200 (not retryable)',
    );
    const error = (await slack.send({ action: 'trigger', alert, at: 1 }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('slack: delivery failed, status 403 (not retryable)');
    expect(error.message).not.toContain(webhookUrl);
  });

  it('keeps the webhook URL out of network errors and construction errors', async () => {
    const closed = await startHttpReceiver({ status: 200, body: 'ok' });
    const webhookUrl = `${closed.url}${TOKEN_PATH}`;
    await closed.close();
    const slack = createSlackChannel({ webhookUrl, retries: 1, backoffMs: 1 });
    const error = (await slack.send({ action: 'trigger', alert, at: 1 }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('slack: delivery failed, network error ECONNREFUSED');
    expect(error.message).not.toContain(closed.url);

    const bad = `hooks.slack.com${TOKEN_PATH}`;
    expect(() => createSlackChannel({ webhookUrl: bad })).toThrow('slack: webhookUrl is not a valid URL');
    try {
      createSlackChannel({ webhookUrl: bad });
    } catch (err) {
      expect((err as Error).message).not.toContain(TOKEN_PATH);
    }
  });
});
