/** Loads the monitor's config file, validates it, and takes the secrets from the environment. */
import { readFileSync } from 'node:fs';
import { configSchema, type MonitorConfig } from './schema.js';

export class MonitorConfigError extends Error {
  override name = 'MonitorConfigError';
}

export type MonitorSecrets = { pagerdutyRoutingKey?: string; slackWebhookUrl?: string; smtpPassword?: string };

export function parseConfig(raw: unknown, source = 'config'): MonitorConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new MonitorConfigError(`Invalid monitor config (${source}):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadConfig(file: string | undefined): MonitorConfig {
  if (!file) throw new MonitorConfigError('No monitor config: pass --config <file> or set MONITOR_CONFIG');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MonitorConfigError(`Cannot read monitor config ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  return parseConfig(raw, file);
}

/** The secrets each configured channel needs; a missing one is an error naming the variable. */
export function secretsFor(config: MonitorConfig, env: NodeJS.ProcessEnv): MonitorSecrets {
  const need = (name: string, why: string) => {
    const v = env[name];
    if (!v) throw new MonitorConfigError(`Set ${name}: ${why}`);
    return v;
  };
  const a = config.alerting;
  return {
    ...(a.pagerduty
      ? {
          pagerdutyRoutingKey: need(
            'PAGERDUTY_API_KEY',
            'alerting.pagerduty is configured (the Events v2 routing key)',
          ),
        }
      : {}),
    ...(a.slack
      ? { slackWebhookUrl: need('SLACK_WEBHOOK_URL', 'alerting.slack is configured (the incoming webhook URL)') }
      : {}),
    ...(a.email?.user
      ? { smtpPassword: need('SMTP_PASSWORD', `alerting.email.user is set (the SMTP password of ${a.email.user})`) }
      : {}),
  };
}
