/**
 * The PIL client: a viem public client (reads, simulation, events), an optional
 * wallet client (writes), the addresses of one deployment on that chain, and the
 * policies it knows. Every action is a plain function `action(client, params)`;
 * `createPilClient` also binds them as methods (see ./decorators.ts).
 *
 *   const pil = createPilClient({ deployment, account: privateKeyToAccount(key) });
 *   await pil.getTreeSize();
 */
import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { ConfigError } from '../errors/families.js';
import type { PilAddresses, PilDeployment, PilPolicy } from './addresses.js';
import { type PilActions, pilActions } from './decorators.js';

export type PilClient = {
  chainId: number;
  public: PublicClient<Transport, Chain>;
  /** Needed by writes only. */
  wallet: WalletClient<Transport, Chain, Account> | undefined;
  addresses: PilAddresses;
  policies: Record<string, PilPolicy>;
  /** Where event scans start (the deployment block). */
  fromBlock: bigint;
  /** The deployment this client was made from, when any. */
  deployment: PilDeployment | undefined;
};

export type CreatePilClientParameters = {
  /** A parsed deployments file: chain, RPC URL, addresses, policies. */
  deployment?: PilDeployment | undefined;
  /** Addresses (override or complete those of `deployment`). */
  addresses?: PilAddresses | undefined;
  policies?: Record<string, PilPolicy> | undefined;
  /** An existing viem public client; otherwise one is made from `transport`/`rpcUrl` and `chain`. */
  publicClient?: PublicClient<Transport, Chain> | undefined;
  walletClient?: WalletClient<Transport, Chain, Account> | undefined;
  /** Signs writes; a wallet client is made for it when `walletClient` is not given. */
  account?: Account | undefined;
  chain?: Chain | undefined;
  transport?: Transport | undefined;
  rpcUrl?: string | undefined;
  fromBlock?: bigint | undefined;
  /** Polling interval of receipts and watchers, ms (default 1000; 25 suits anvil). */
  pollingInterval?: number | undefined;
};

export type PilClientWithActions = PilClient & PilActions;

export function createPilClient(parameters: CreatePilClientParameters): PilClientWithActions {
  const base = createPilBaseClient(parameters);
  return Object.assign(base, pilActions(base));
}

/** The client without bound actions (what every action takes). */
export function createPilBaseClient(parameters: CreatePilClientParameters): PilClient {
  const { deployment } = parameters;
  const chainId = parameters.publicClient?.chain.id ?? parameters.chain?.id ?? deployment?.chainId;
  if (chainId === undefined) {
    throw new ConfigError('No chain: pass a deployment, a chain or a public client', { docsPath: '#client' });
  }
  const rpcUrl = parameters.rpcUrl ?? deployment?.rpcUrl;
  const chain =
    parameters.publicClient?.chain ??
    parameters.chain ??
    defineChain({
      id: chainId,
      name: `${deployment?.network ?? 'pil'}-${chainId}`,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: rpcUrl ? [rpcUrl] : [] } },
    });
  const transport = parameters.transport ?? (rpcUrl ? http(rpcUrl) : undefined);
  const pollingInterval = parameters.pollingInterval ?? 1000;
  const publicClient =
    parameters.publicClient ??
    (transport
      ? createPublicClient({ chain, transport, pollingInterval })
      : fail('No RPC transport: pass publicClient, transport or rpcUrl'));
  const wallet =
    parameters.walletClient ??
    (parameters.account && transport
      ? createWalletClient({ chain, transport, account: parameters.account, pollingInterval })
      : undefined);
  return {
    chainId,
    public: publicClient,
    wallet,
    addresses: { ...deployment?.addresses, ...parameters.addresses },
    policies: { ...deployment?.policies, ...parameters.policies },
    fromBlock: parameters.fromBlock ?? deployment?.deploymentBlock ?? 0n,
    deployment,
  };
}

function fail(message: string): never {
  throw new ConfigError(message, { docsPath: '#client' });
}
