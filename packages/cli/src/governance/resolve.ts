// Where a chain's governance lives and which keys may act for it.
//   - addresses: the chain's `governance` entry (devnet deployments file or the
//     config file), else SAFE_ADDRESS / STANDARD_TIMELOCK_ADDRESS /
//     EMERGENCY_TIMELOCK_ADDRESS;
//   - Safe signer keys: SAFE_SIGNER_KEYS (comma-separated), else the devnet
//     owner keys on the devnet, else PRIVATE_KEY.
import { type Address, getAddress, type Hex, isAddress } from 'viem';
import { DEVNET } from '../config/schema.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { contractIds, contractInfo } from '../contracts.js';
import type { Governance } from '../deployments/schema.js';
import { ConfigError, registerSecret } from '../errors.js';
import { devnetOwnerKeys } from './layout.js';

export type { Governance };

export function governanceOf(ctx: NetworkContext, chain: ChainContext): Governance {
  if (chain.config.governance) return chain.config.governance;
  const vars = ['SAFE_ADDRESS', 'STANDARD_TIMELOCK_ADDRESS', 'EMERGENCY_TIMELOCK_ADDRESS'] as const;
  if (ctx.network.name !== DEVNET && vars.every((v) => ctx.env[v])) {
    const values = vars.map((v) => ctx.env[v]!);
    const bad = vars.filter((_, i) => !isAddress(values[i]!));
    if (bad.length) throw new ConfigError(`Not an address: ${bad.join(', ')}`);
    const [safe, standardTimelock, emergencyTimelock] = values.map((v) => getAddress(v)) as [Address, Address, Address];
    return { safe, standardTimelock, emergencyTimelock, owners: [] };
  }
  throw new ConfigError(
    `No governance (Safe and timelocks) configured for ${chain.config.name} (network ${ctx.network.name})`,
    {
      hint:
        ctx.network.name === DEVNET
          ? 'Restart the devnet (`pil devnet up`): deployments without governance predate ADR 0008'
          : 'Add "governance": {"safe", "standardTimelock", "emergencyTimelock"} to the chain in the config file, or export SAFE_ADDRESS, STANDARD_TIMELOCK_ADDRESS and EMERGENCY_TIMELOCK_ADDRESS',
    },
  );
}

/** Keys that may sign Safe transactions here (never printed: registered as secrets). */
export function signerKeys(ctx: NetworkContext): Hex[] {
  const fromEnv = ctx.env.SAFE_SIGNER_KEYS;
  let keys: string[];
  if (fromEnv)
    keys = fromEnv
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  else if (ctx.network.name === DEVNET) keys = [...devnetOwnerKeys];
  else keys = ctx.env.PRIVATE_KEY ? [ctx.env.PRIVATE_KEY] : [];
  for (const k of keys) {
    registerSecret(k);
    if (!/^0x[0-9a-fA-F]{64}$/.test(k)) {
      throw new ConfigError(
        `${fromEnv ? 'SAFE_SIGNER_KEYS' : 'PRIVATE_KEY'} holds something that is not a 32-byte hex private key`,
      );
    }
  }
  return keys as Hex[];
}

/** Human names for the addresses of a chain: PIL contracts, the Safe, the timelocks. */
export function labelsFor(chain: ChainContext): (address: Address) => string | undefined {
  const names = new Map<string, string>();
  for (const id of contractIds) {
    const a = chain.config.contracts[id];
    if (a) names.set(a.toLowerCase(), contractInfo[id].artifact);
  }
  const g = chain.config.governance;
  if (g) {
    names.set(g.safe.toLowerCase(), 'Safe');
    names.set(g.standardTimelock.toLowerCase(), 'StandardTimelock');
    names.set(g.emergencyTimelock.toLowerCase(), 'EmergencyTimelock');
    if (g.safeContracts?.multiSendCallOnlyAddress)
      names.set(g.safeContracts.multiSendCallOnlyAddress.toLowerCase(), 'MultiSendCallOnly');
    if (g.safeContracts?.multiSendAddress) names.set(g.safeContracts.multiSendAddress.toLowerCase(), 'MultiSend');
  }
  return (address) => names.get(address.toLowerCase());
}
