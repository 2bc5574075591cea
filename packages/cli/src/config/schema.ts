// The network configuration: one zod schema, types derived from it.
//
// A config file (pil.config.json) declares networks; string values may refer to
// environment variables as `${NAME}`, resolved only for the network in use, so
// that a missing variable of another network never gets in the way. `devnet`
// (from `.pil/deployments/devnet/`) and `mainnet` (from the runbook's
// environment variables) are built in; a config file may override `mainnet`.
import { z } from 'zod';
import { contractIds } from '../contracts.js';
import { governanceSchema } from '../deployments/schema.js';
import { addressSchema, chainIdSchema, rpcUrlSchema } from './primitives.js';

const envRef = /\$\{([A-Z_][A-Z0-9_]*)\}/g;

/** Shape of a chain entry before environment interpolation (strings may hold `${VAR}`). */
const rawChainSchema = z.strictObject({
  name: z.string().min(1),
  chainId: z.union([chainIdSchema, z.string()]),
  rpcUrl: z.string().min(1),
  contracts: z.partialRecord(z.enum(contractIds), z.string()).optional(),
  /** A deployments file (relative to the config file) that supplies contract addresses. */
  deployments: z.string().optional(),
  /** The Safe and timelocks (strings may hold `${VAR}`). */
  governance: z
    .strictObject({
      safe: z.string(),
      standardTimelock: z.string(),
      emergencyTimelock: z.string(),
      safeContracts: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});

export const rawNetworkSchema = z.strictObject({
  description: z.string().optional(),
  chains: z.array(rawChainSchema).min(1),
});

export const configFileSchema = z.strictObject({
  $schema: z.string().optional(),
  networks: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'network names are lower-case words'), rawNetworkSchema),
  /** EP-004: per network, the only recipients `pil funds recover` may send recovered ETH to. */
  recovery: z.record(z.string(), z.strictObject({ allowedRecipients: z.array(z.string()) })).optional(),
});

/** A chain after interpolation and validation. */
export const chainSchema = z.strictObject({
  name: z.string().min(1),
  chainId: z.union([chainIdSchema, z.string().regex(/^\d+$/, 'expected a positive integer').transform(Number)]),
  rpcUrl: rpcUrlSchema,
  contracts: z.partialRecord(z.enum(contractIds), addressSchema).default({}),
  deployments: z.string().optional(),
  governance: governanceSchema.optional(),
});

export type RawNetwork = z.output<typeof rawNetworkSchema>;
export type ConfigFile = z.output<typeof configFileSchema>;
export type ChainConfig = z.output<typeof chainSchema>;
export type NetworkConfig = { name: string; description?: string | undefined; chains: ChainConfig[] };

export function envRefs(value: string): string[] {
  return [...value.matchAll(envRef)].map((m) => m[1]!);
}

export function interpolate(value: string, lookup: (name: string) => string): string {
  return value.replace(envRef, (_, name: string) => lookup(name));
}

/** `${NAME}`: a reference to an environment variable inside a config string. */
export function envPlaceholder(name: string): string {
  return `\${${name}}`;
}

/** `mainnet` as the runbook defines it: everything from environment variables. */
export const builtinMainnet: RawNetwork = {
  description: 'Ethereum mainnet from the runbook environment variables',
  chains: [
    {
      name: 'ethereum',
      chainId: 1,
      rpcUrl: envPlaceholder('MAINNET_RPC_URL'),
      contracts: {
        orchestrator: envPlaceholder('ORCHESTRATOR_ADDRESS'),
        pc3: envPlaceholder('PC3_ADDRESS'),
        pbp: envPlaceholder('PBP_ADDRESS'),
        easc: envPlaceholder('EASC_ADDRESS'),
        cdna: envPlaceholder('CDNA_ADDRESS'),
      },
    },
  ],
};

export const DEVNET = 'devnet';
