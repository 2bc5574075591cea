/**
 * The indexer's one configuration schema: a JSON file plus the environment. The only secret,
 * the PostgreSQL connection string, comes from DATABASE_URL (never from the file) and is
 * never echoed; without it the database is PGlite in `database.dataDir`.
 */
import { type Address, getAddress, isAddress } from 'viem';
import { z } from 'zod';

const url = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');
const blockNumber = z
  .union([z.string().regex(/^\d+$/, 'expected a block number'), z.number().int().nonnegative()])
  .transform(BigInt);

/** Watched contracts: address -> label (the contract id: pc3, proofHub, safe, standardTimelock, ...). */
const contracts = z
  .record(z.string(), z.string().min(1, 'expected a label (the contract id)'))
  .superRefine((record, ctx) => {
    const seen = new Map<string, string>();
    for (const key of Object.keys(record)) {
      if (!isAddress(key, { strict: false })) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'expected a 20-byte hex address as the key' });
        continue;
      }
      const lower = key.toLowerCase();
      const twin = seen.get(lower);
      if (twin !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `the same address as ${twin}` });
      seen.set(lower, key);
    }
    if (seen.size === 0) ctx.addIssue({ code: 'custom', message: 'expected at least one contract to watch' });
  })
  .transform((record) => {
    const out: Record<Address, string> = {};
    for (const [key, label] of Object.entries(record)) out[getAddress(key)] = label;
    return out;
  });

export const chainSchema = z.object({
  chainId: z.number().int().positive(),
  name: z.string().min(1).optional(),
  rpcUrl: url,
  contracts,
  /** The deployment block: indexing starts there. */
  fromBlock: blockNumber,
  /** Blocks below the head before a block is indexed (0 on the devnet). */
  confirmations: z.number().int().nonnegative().default(0),
  /** eth_getLogs block range per request. */
  logRange: z.number().int().positive().max(1_000_000).default(2_000),
});

export const configSchema = z
  .object({
    name: z.string().min(1).default('indexer'),
    chains: z.array(chainSchema).min(1),
    /** PGlite in `dataDir` (a folder), unless DATABASE_URL is set (PostgreSQL). */
    database: z
      .object({ dataDir: z.string().min(1).optional() })
      .strict()
      .default({}),
    pollIntervalMs: z.number().int().positive().default(1_000),
    server: z
      .object({ host: z.string().default('127.0.0.1'), port: z.number().int().min(0).max(65_535).default(0) })
      .default({ host: '127.0.0.1', port: 0 }),
    /** Written with `{pid, url}` once the server listens (its folder is created). */
    readyFile: z.string().min(1).optional(),
    logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<number>();
    config.chains.forEach((c, i) => {
      if (seen.has(c.chainId))
        ctx.addIssue({ code: 'custom', path: ['chains', i, 'chainId'], message: `chain ${c.chainId} is listed twice` });
      seen.add(c.chainId);
    });
  });

export type IndexerConfig = z.output<typeof configSchema>;
export type IndexerConfigInput = z.input<typeof configSchema>;
export type IndexerChainConfig = IndexerConfig['chains'][number];
