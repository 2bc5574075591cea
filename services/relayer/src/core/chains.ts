/** Per-chain clients: a viem public client over a fallback transport (RPC failover) and the SDK client. */
import { type Chain, createPublicClient, defineChain, fallback, http, type PublicClient, type Transport } from 'viem';
import type { ChainConfig } from '../config/schema.js';
import { createPilBaseClient, type PilClient } from '../sdk.js';

export type ChainClients = { chain: Chain; public: PublicClient<Transport, Chain>; pil: PilClient };

export function createChainClients(cfg: ChainConfig): ChainClients {
  const chain = defineChain({
    id: cfg.chainId,
    name: cfg.name ?? `chain-${cfg.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: cfg.rpcUrls } },
  });
  // Each endpoint: one try with a short timeout; the fallback moves to the next one,
  // and the callers' backoff (retry.ts) covers the case where all fail for a while.
  const transport = fallback(
    cfg.rpcUrls.map((u) => http(u, { retryCount: 1, retryDelay: 50, timeout: 4_000 })),
    { retryCount: 2, retryDelay: 100 },
  );
  const pub = createPublicClient({ chain, transport, pollingInterval: cfg.pollIntervalMs, cacheTime: 0 });
  const pil = createPilBaseClient({
    publicClient: pub,
    addresses: {
      proofHub: cfg.hub,
      relayerRegistry: cfg.relayerRegistry,
      cdna: cfg.cdna,
      pc3: cfg.pc3,
      ...(cfg.orchestrator ? { orchestrator: cfg.orchestrator } : {}),
    },
    fromBlock: cfg.fromBlock,
    pollingInterval: cfg.pollIntervalMs,
  });
  return { chain, public: pub, pil };
}
