// The deployments file: one JSON per (network, chain) under
// `.pil/deployments/<network>/<chainId>.json`. Written by `pil devnet up` (and
// later by `pil upgrade`), read by every command that talks to a network.
import { z } from 'zod';
import { addressSchema, chainIdSchema, rpcUrlSchema } from '../config/primitives.js';
import { contractIds } from '../contracts.js';

export const DEPLOYMENTS_FORMAT_VERSION = 1;

export const deployedContractSchema = z.object({
  /** Solidity contract name of the implementation (the artifact). */
  artifact: z.string().min(1),
  /** ERC-1967 proxy: the address users and scripts talk to. */
  proxy: addressSchema,
  /** Implementation behind the proxy at deployment time. */
  implementation: addressSchema,
  /** Libraries linked into the implementation, by name. */
  libraries: z.record(z.string(), addressSchema).default({}),
  /** Role holders: role name → accounts. */
  roles: z.record(z.string(), z.array(addressSchema)).default({}),
});

const bytes32Schema = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected 32 bytes of hex');

/** A registered disclosure policy with what a prover needs to use it (protocol §2). */
export const policySchema = z.object({
  name: z.string().min(1),
  policyHash: bytes32Schema,
  minAmount: z.string().regex(/^\d+$/),
  maxAmount: z.string().regex(/^\d+$/),
  policySalt: bytes32Schema,
  createCircuitId: bytes32Schema,
  spendCircuitId: bytes32Schema,
  attestationQuorum: z.number().int().nonnegative(),
});
export type DevnetPolicy = z.output<typeof policySchema>;

/** Governance of a chain (protocol §8): the Safe, its owners, the two timelocks, and the Safe contracts protocol-kit needs. */
export const governanceSchema = z.object({
  safe: addressSchema,
  owners: z.array(addressSchema).default([]),
  threshold: z.number().int().positive().optional(),
  /** 48 h: admin, upgrader, verifier admin, policy admin, recovery. */
  standardTimelock: addressSchema,
  /** 6 h: unpauser, relayer admin. */
  emergencyTimelock: addressSchema,
  /** protocol-kit `contractNetworks` entry, for chains where the Safe contracts are not the canonical deployments. */
  safeContracts: z.record(z.string(), addressSchema).optional(),
});
export type Governance = z.output<typeof governanceSchema>;

export const deploymentSchema = z.object({
  format: z.literal(DEPLOYMENTS_FORMAT_VERSION),
  network: z.string().min(1),
  chainId: chainIdSchema,
  rpcUrl: rpcUrlSchema,
  /** Block of the first deployment transaction (where indexers start). */
  deploymentBlock: z.number().int().nonnegative(),
  deployedAt: z.iso.datetime(),
  deployer: addressSchema,
  /** Version of the protocol contracts (package version + git commit when known). */
  version: z.string().min(1),
  contracts: z.partialRecord(z.enum(contractIds), deployedContractSchema),
  /** Linked libraries (e.g. PoseidonT3), by name. */
  libraries: z.record(z.string(), addressSchema).default({}),
  /** Other deployed helpers that are not PIL proxies (verifiers, timelocks, Safe), by name. */
  auxiliary: z.record(z.string(), addressSchema).default({}),
  /** Registered policies, by name. */
  policies: z.record(z.string(), policySchema).default({}),
  /** The relayer set and its quorum, when a RelayerRegistry is deployed. */
  relayers: z.object({ accounts: z.array(addressSchema), quorum: z.number().int().positive() }).optional(),
  /** The Safe and timelocks that hold every role after deployment. */
  governance: governanceSchema.optional(),
});

export type Deployment = z.output<typeof deploymentSchema>;
export type DeploymentInput = z.input<typeof deploymentSchema>;
export type DeployedContract = z.output<typeof deployedContractSchema>;
