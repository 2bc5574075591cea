import type { Account, Address, Chain, Transport, WalletClient } from 'viem';
import { ConfigError } from '../errors/families.js';
import type { PilContractId, PilPolicy } from './addresses.js';
import type { PilClient } from './createPilClient.js';

/** The address of a PIL contract, or a ConfigError naming it. */
export function getPilAddress(client: PilClient, contract: PilContractId): Address {
  const address = client.addresses[contract];
  if (!address) {
    throw new ConfigError(`No address for ${contract} on chain ${client.chainId}`, {
      hint: 'Pass it in `addresses` or create the client from a deployments file',
      docsPath: '#addresses',
    });
  }
  return address;
}

/** The wallet client, or a ConfigError when the client cannot sign. */
export function getWallet(client: PilClient): WalletClient<Transport, Chain, Account> {
  if (!client.wallet) {
    throw new ConfigError(`This action sends a transaction, but the client of chain ${client.chainId} has no account`, {
      hint: 'Pass `account` (or `walletClient`) to createPilClient',
      docsPath: '#client',
    });
  }
  return client.wallet;
}

/** A policy by name (or the only one), or a ConfigError. */
export function resolvePolicy(client: PilClient, name?: string): PilPolicy {
  const names = Object.keys(client.policies);
  const key = name ?? (names.length === 1 ? names[0] : undefined);
  const policy = key === undefined ? undefined : client.policies[key];
  if (!policy) {
    throw new ConfigError(name ? `Unknown policy ${name}` : 'Name a policy: the client knows several or none', {
      details: `known: ${names.join(', ') || 'none'}`,
      docsPath: '#policies',
    });
  }
  return policy;
}
