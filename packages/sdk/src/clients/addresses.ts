/**
 * Contract addresses and policies of one PIL deployment on one chain: from the
 * caller, or from a deployments file (`.pil/deployments/<network>/<chainId>.json`,
 * written by `pil devnet up`). Browser-safe: parses JSON that the caller has read;
 * the Node entry point reads files (`loadDeployment`).
 */
import { type Address, getAddress, type Hex, isAddress } from 'viem';
import { ConfigError } from '../errors/families.js';

export const pilContractIds = [
  'orchestrator',
  'pc3',
  'pbp',
  'easc',
  'cdna',
  'verifierRegistry',
  'proofHub',
  'relayerRegistry',
] as const;
export type PilContractId = (typeof pilContractIds)[number];

export type PilAddresses = { [K in PilContractId]?: Address };

/** A registered policy with what a prover needs (protocol §2). */
export type PilPolicy = {
  name: string;
  policyHash: bigint;
  minAmount: bigint;
  maxAmount: bigint;
  policySalt: bigint;
  createCircuitId: Hex;
  spendCircuitId: Hex;
  attestationQuorum: number;
};

/** What the SDK needs from a deployments file. */
export type PilDeployment = {
  network: string;
  chainId: number;
  rpcUrl: string;
  /** First block of the deployment: event scans start here. */
  deploymentBlock: bigint;
  addresses: PilAddresses;
  policies: Record<string, PilPolicy>;
  /** Role name → holders, per contract (as read back at deployment). */
  roles: { [K in PilContractId]?: Record<string, Address[]> };
  relayers: { accounts: Address[]; quorum: number } | undefined;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Parses the JSON of a deployments file (format 1). Throws ConfigError naming the bad field. */
export function parseDeployment(json: unknown, source = 'deployment'): PilDeployment {
  const fail = (field: string, what: string): never => {
    throw new ConfigError(`Invalid deployments file: ${field} ${what}`, {
      details: source,
      hint: 'Regenerate it with `pil devnet up` (or the deploy command of your network)',
      docsPath: '#addresses',
    });
  };
  if (!isRecord(json)) return fail('(root)', 'is not an object');
  if (json.format !== 1) fail('format', `is ${String(json.format)}, expected 1`);
  const chainId = json.chainId;
  if (typeof chainId !== 'number' || !Number.isInteger(chainId) || chainId <= 0) fail('chainId', 'is not a chain id');
  if (typeof json.rpcUrl !== 'string') fail('rpcUrl', 'is missing');
  const contracts = isRecord(json.contracts) ? json.contracts : fail('contracts', 'is missing');
  const addresses: PilAddresses = {};
  const roles: PilDeployment['roles'] = {};
  for (const id of pilContractIds) {
    const entry = contracts[id];
    if (entry === undefined) continue;
    if (!isRecord(entry) || typeof entry.proxy !== 'string' || !isAddress(entry.proxy)) {
      fail(`contracts.${id}.proxy`, 'is not an address');
    }
    const e = entry as Record<string, unknown>;
    addresses[id] = getAddress(e.proxy as string);
    if (isRecord(e.roles)) {
      roles[id] = Object.fromEntries(
        Object.entries(e.roles).map(([role, holders]) => [
          role,
          (Array.isArray(holders) ? holders : []).map((h) => getAddress(String(h))),
        ]),
      );
    }
  }
  const policies: Record<string, PilPolicy> = {};
  for (const [name, p] of Object.entries(isRecord(json.policies) ? json.policies : {})) {
    if (!isRecord(p)) fail(`policies.${name}`, 'is not an object');
    const q = p as Record<string, unknown>;
    policies[name] = {
      name: String(q.name ?? name),
      policyHash: BigInt(String(q.policyHash)),
      minAmount: BigInt(String(q.minAmount)),
      maxAmount: BigInt(String(q.maxAmount)),
      policySalt: BigInt(String(q.policySalt)),
      createCircuitId: String(q.createCircuitId) as Hex,
      spendCircuitId: String(q.spendCircuitId) as Hex,
      attestationQuorum: Number(q.attestationQuorum ?? 0),
    };
  }
  const r = json.relayers;
  const relayers =
    isRecord(r) && Array.isArray(r.accounts)
      ? { accounts: r.accounts.map((x) => getAddress(String(x))), quorum: Number(r.quorum) }
      : undefined;
  return {
    network: String(json.network ?? 'unknown'),
    chainId: chainId as number,
    rpcUrl: json.rpcUrl as string,
    deploymentBlock: BigInt(typeof json.deploymentBlock === 'number' ? json.deploymentBlock : 0),
    addresses,
    policies,
    roles,
    relayers,
  };
}
