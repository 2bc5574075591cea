/**
 * The relayer's one configuration schema. A file (JSON) plus environment variables
 * (see ../service.ts); types are derived from the schema, and `loadConfig` fails fast
 * with a message naming the bad field and never echoing a value.
 */
import { getAddress, isAddress } from 'viem';
import { z } from 'zod';

const address = z
  .string()
  .refine((v) => isAddress(v, { strict: false }), 'expected a 20-byte hex address')
  .transform((v) => getAddress(v));

const url = z.string().regex(/^(https?|wss?):\/\/\S+$/, 'expected an http(s) or ws(s) URL');
const bigintish = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative(), z.bigint()]).transform(BigInt);

export const chainSchema = z.object({
  chainId: z.number().int().positive(),
  name: z.string().min(1).optional(),
  /** Tried in order; a failing endpoint is skipped for `rpcCooldownMs`. */
  rpcUrls: z.array(url).min(1),
  /** Blocks below the head before an event is acted on (0 on the devnet). */
  confirmations: z.number().int().nonnegative().default(0),
  hub: address,
  relayerRegistry: address,
  orchestrator: address.optional(),
  /** CrossDomainNullifierAlgebra: where imports are recorded (isMessageImported). */
  cdna: address,
  /** ProofCarryingContainer: its tree size bounds the gas of an import (core/gas.ts). */
  pc3: address,
  /** First block to scan (the deployment block). */
  fromBlock: bigintish.default(0n),
  pollIntervalMs: z.number().int().positive().default(250),
  /** eth_getLogs block range per request. */
  logRange: z.number().int().positive().default(2_000),
  /** A transaction not mined after this long is re-sent with a higher fee (same nonce). */
  stuckAfterMs: z.number().int().positive().default(6_000),
  /** Fee increase of a replacement, percent (nodes require at least 10 %). */
  feeBumpPercent: z.number().int().min(11).default(25),
  /** Maximum fee per gas ever offered, wei. */
  maxFeePerGas: bigintish.default(500_000_000_000n),
  /** Below this balance the relayer is not ready (wei). */
  minBalance: bigintish.default(10_000_000_000_000_000n),
  /** Gas limit of checkpoints and slashing = estimate + this percentage + 20 000. */
  gasMarginPercent: z.number().int().min(0).max(100).default(30),
  /**
   * Gas limit of an import = (estimate + the worst tree insert it can meet, core/gas.ts) + this
   * percentage. Blocks are packed by gas limit: a margin is throughput lost under a full queue.
   */
  importGasMarginPercent: z.number().int().min(0).max(100).default(5),
  /** Transactions in flight at once on this chain (pipelined nonces). */
  maxInFlight: z.number().int().positive().default(64),
});

export const configSchema = z.object({
  /** A label for logs and metrics (never a key). */
  name: z.string().min(1).default('relayer'),
  /** Where the database lives (one SQLite file per relayer). */
  dataDir: z.string().min(1),
  chains: z.array(chainSchema).min(1),
  server: z
    .object({
      host: z.string().default('127.0.0.1'),
      /** 0 = a free port, chosen by the OS and reported in the log and `readyFile`. */
      port: z.number().int().min(0).max(65_535).default(0),
    })
    .default({ host: '127.0.0.1', port: 0 }),
  /** Written with `{pid, url}` once the server listens (how tests and `npm start` find the port). */
  readyFile: z.string().min(1).optional(),
  delivery: z
    .object({
      /** A message assigned to another relayer is delivered by us after this long. */
      gracePeriodMs: z.number().int().nonnegative().default(10_000),
      /** Exponential backoff for retryable errors. */
      backoffBaseMs: z.number().int().positive().default(250),
      backoffMaxMs: z.number().int().positive().default(30_000),
      /** Concurrent deliveries per destination. */
      concurrency: z.number().int().positive().default(32),
    })
    .default({ gracePeriodMs: 10_000, backoffBaseMs: 250, backoffMaxMs: 30_000, concurrency: 32 }),
  /** Compare accepted checkpoints with the source outboxes and slash on a mismatch. */
  watcher: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
  keystore: z.object({ path: z.string().min(1) }).optional(),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Seed of the backoff jitter (deterministic tests); default: random. */
  seed: z.number().int().optional(),
});

export type RelayerConfig = z.output<typeof configSchema>;
export type RelayerConfigInput = z.input<typeof configSchema>;
export type ChainConfig = z.output<typeof chainSchema>;
