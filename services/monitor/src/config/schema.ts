/**
 * The monitor's one configuration schema: a JSON file plus environment variables. Secrets
 * come only from the environment (PAGERDUTY_API_KEY, SLACK_WEBHOOK_URL, SMTP_PASSWORD),
 * never from the file, and are never echoed.
 */
import { getAddress, isAddress } from 'viem';
import { z } from 'zod';

const address = z
  .string()
  .refine((v) => isAddress(v, { strict: false }), 'expected a 20-byte hex address')
  .transform((v) => getAddress(v));
const url = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');
const threshold = z.object({ warning: z.number().optional(), critical: z.number().optional() }).optional();

export const chainSchema = z.object({
  chainId: z.number().int().positive(),
  name: z.string().min(1).optional(),
  rpcUrl: url,
  /** The PIL proxies of this chain, by contract id (pc3, proofHub, relayerRegistry, verifierRegistry, ...). */
  addresses: z.record(z.string(), address),
  /** The deployment block (the window never reaches below it). */
  fromBlock: z
    .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
    .transform(BigInt)
    .default(0n),
});

export const configSchema = z.object({
  name: z.string().min(1).default('monitor'),
  chains: z.array(chainSchema).min(1),
  /** Where the open alerts and owed deliveries are kept across restarts. */
  stateDir: z.string().min(1),
  intervalMs: z.number().int().positive().default(15_000),
  /** Recent blocks read per chain and evaluation. */
  windowBlocks: z.number().int().positive().default(200),
  thresholds: z
    .object({
      container_creation_rate: threshold,
      failed_transactions: threshold,
      average_gas: threshold,
      proof_verification_time: threshold,
      balance: threshold,
      relayer_response_time: threshold,
    })
    .default({}),
  server: z
    .object({ host: z.string().default('127.0.0.1'), port: z.number().int().min(0).max(65_535).default(0) })
    .default({ host: '127.0.0.1', port: 0 }),
  /** Written with `{pid, url}` once the server listens. */
  readyFile: z.string().min(1).optional(),
  alerting: z
    .object({
      /** An alert still active is notified again after this long. */
      cooldownMs: z.number().int().positive().default(3_600_000),
      /** `payload.source` of PagerDuty events. */
      source: z.string().min(1).default('pil-monitor'),
      /** Critical alerts (routing key: PAGERDUTY_API_KEY). */
      pagerduty: z.object({ url: url.optional() }).optional(),
      /** Every alert (webhook URL: SLACK_WEBHOOK_URL). */
      slack: z.object({}).optional(),
      /** Every alert, in a digest mailed every `digestIntervalMs` (password: SMTP_PASSWORD). */
      email: z
        .object({
          host: z.string().min(1),
          port: z.number().int().min(1).max(65_535),
          secure: z.boolean().default(false),
          user: z.string().min(1).optional(),
          from: z.string().min(3),
          to: z.array(z.string().min(3)).min(1),
          digestIntervalMs: z.number().int().positive().default(86_400_000),
        })
        .optional(),
    })
    .default({ cooldownMs: 3_600_000, source: 'pil-monitor' }),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type MonitorConfig = z.output<typeof configSchema>;
export type MonitorConfigInput = z.input<typeof configSchema>;
