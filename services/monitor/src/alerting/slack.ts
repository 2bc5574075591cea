/**
 * Slack incoming-webhook channel. The webhook URL is the secret (its path carries the token), so
 * it never leaves this module except as the fetch target. Slack answers 200 with the body `ok`.
 */
import { factLines, headline, truncate } from './format.js';
import { checkUrl, postJson, type RetryOptions } from './http.js';
import type { Channel, Notification } from './types.js';

export type SlackOptions = RetryOptions & {
  webhookUrl: string;
  /** Default `slack`; distinct names let the router hold several webhooks. */
  name?: string;
};

/** Slack caps header blocks at 150 characters and section text at 3000. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;

export function slackMessage(notification: Notification): object {
  const title = headline(notification);
  return {
    // `text` is the notification fallback and is parsed as mrkdwn: escape its control characters.
    text: escapeMrkdwn(title),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(title, HEADER_MAX) } },
      // plain_text, so metric ids like relayer_response_time are not read as italics.
      { type: 'section', text: { type: 'plain_text', text: truncate(factLines(notification.alert), SECTION_MAX) } },
    ],
  };
}

function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function createSlackChannel(options: SlackOptions): Channel {
  const name = options.name ?? 'slack';
  checkUrl(name, 'webhookUrl', options.webhookUrl);
  // Every path segment counts as secret, so a Slack error word can never echo part of the token.
  const secrets = [options.webhookUrl, ...new URL(options.webhookUrl).pathname.split('/').filter((s) => s.length > 0)];
  return {
    name,
    async send(notification) {
      await postJson(
        {
          channel: name,
          url: options.webhookUrl,
          body: slackMessage(notification),
          accepted: (status, text) => status === 200 && text.trim() === 'ok',
          secrets,
        },
        options,
      );
    },
  };
}
