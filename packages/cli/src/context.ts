// The typed context: built once per invocation from the global options and
// handed to every handler. `BaseContext` needs no network (e.g. `devnet up`);
// `NetworkContext` adds the resolved network with one viem public client per
// chain (chain id checked against the config) and a lazy signer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { type Env, requireEnv } from './config/env.js';
import { type LoadedConfig, loadConfig, resolveNetwork } from './config/load.js';
import { type ChainConfig, DEVNET, type NetworkConfig } from './config/schema.js';
import type { ContractId } from './contracts.js';
import { devnetDeployerKey } from './devnet/accounts.js';
import { ConfigError, InputError, NetworkError, registerSecret } from './errors.js';
import { createLogger, type Logger } from './logger.js';
import type { GlobalOptions } from './options.js';
import { createOutput, type Output } from './output.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type BaseContext = {
  options: GlobalOptions;
  env: Env;
  cwd: string;
  /** The monorepo root (contracts/out, circuits/keys live below it). */
  repoRoot: string;
  /** Local state: `$PIL_STATE_DIR` or `<repo>/.pil`. */
  stateDir: string;
  logger: Logger;
  output: Output;
  /** Loads (once) and returns the configuration. */
  config(): LoadedConfig;
  /** A required environment variable (e.g. ETHERSCAN_API_KEY): MissingEnvError naming it when unset; secrets are redacted. */
  requireEnv(name: string, purpose?: string): string;
};

export type ChainContext = {
  config: ChainConfig;
  chain: Chain;
  client: PublicClient<Transport, Chain>;
  /** Address of a PIL contract on this chain; InputError when the network does not configure it. */
  address(id: ContractId): Hex;
};

export type NetworkContext = BaseContext & {
  network: NetworkConfig;
  chains: ChainContext[];
  /** A chain by chain id or name. */
  chain(idOrName: number | string): ChainContext;
  /** A wallet client for a chain: the devnet deployer on the devnet, PRIVATE_KEY elsewhere. */
  wallet(chain: ChainContext): WalletClient<Transport, Chain, Account>;
};

export type CreateContextOptions = {
  options: GlobalOptions;
  env?: Env;
  cwd?: string;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
};

export function createBaseContext(params: CreateContextOptions): BaseContext {
  const env = params.env ?? process.env;
  const cwd = params.cwd ?? process.cwd();
  const { options } = params;
  const stateDir = path.resolve(cwd, env.PIL_STATE_DIR ?? path.join(repoRoot, '.pil'));
  const level = options.verbose ? 'debug' : ((env.PIL_LOG_LEVEL as 'info' | undefined) ?? 'info');
  const logger = createLogger({ json: options.json, level, ...(params.stderr ? { stream: params.stderr } : {}) });
  let loaded: LoadedConfig | undefined;
  return {
    options,
    env,
    cwd,
    repoRoot,
    stateDir,
    logger,
    output: createOutput(options.json, params.stdout),
    config() {
      loaded ??= loadConfig({ configFile: options.config, cwd, env, stateDir });
      return loaded;
    },
    requireEnv: (name, purpose) => requireEnv(env, name, purpose),
  };
}

/** Resolves `--network`, connects to each chain and checks that it is the chain the config names. */
export async function createNetworkContext(base: BaseContext): Promise<NetworkContext> {
  const network = resolveNetwork(base.config(), base.options.network);
  const chains = await Promise.all(network.chains.map((c) => connectChain(c, network.name)));
  const wallets = new Map<number, WalletClient<Transport, Chain, Account>>();
  return {
    ...base,
    network,
    chains,
    chain(idOrName) {
      const found = chains.find((c) => c.config.chainId === idOrName || c.config.name === idOrName);
      if (!found) {
        throw new InputError(`Network "${network.name}" has no chain ${idOrName}`, {
          details: `chains: ${chains.map((c) => `${c.config.name} (${c.config.chainId})`).join(', ')}`,
        });
      }
      return found;
    },
    wallet(chain) {
      const cached = wallets.get(chain.config.chainId);
      if (cached) return cached;
      const key =
        network.name === DEVNET
          ? devnetDeployerKey
          : (requireEnv(base.env, 'PRIVATE_KEY', 'signing transactions') as Hex);
      registerSecret(key);
      if (!/^0x[0-9a-fA-F]{64}$/.test(key)) {
        throw new ConfigError('PRIVATE_KEY is not a 32-byte hex private key', {
          hint: 'Expected 0x followed by 64 hex digits',
        });
      }
      const wallet = createWalletClient({
        account: privateKeyToAccount(key),
        chain: chain.chain,
        transport: http(chain.config.rpcUrl),
      });
      wallets.set(chain.config.chainId, wallet);
      return wallet;
    },
  };
}

export async function connectChain(config: ChainConfig, network: string): Promise<ChainContext> {
  const chain = defineChain({
    id: config.chainId,
    name: config.name,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
  const client = createPublicClient({ chain, transport: http(config.rpcUrl, { retryCount: 1, timeout: 10_000 }) });
  let actual: number;
  try {
    actual = await client.getChainId();
  } catch (cause) {
    throw new NetworkError(`Cannot reach chain ${config.name} (network ${network}) at ${config.rpcUrl}`, {
      cause,
      details: cause instanceof Error ? cause.message.split('\n')[0] : String(cause),
      hint:
        network === DEVNET
          ? 'Is the devnet running? Start it with `npm start` or `pil devnet up`'
          : 'Check the RPC URL and your connection',
    });
  }
  if (actual !== config.chainId) {
    throw new ConfigError(`Wrong chain id for ${config.name} (network ${network})`, {
      details: `the config says ${config.chainId}, the RPC endpoint answers ${actual}`,
      hint: 'Fix chainId or rpcUrl of this chain in the config',
    });
  }
  return {
    config,
    chain,
    client,
    address(id) {
      const address = config.contracts[id];
      if (!address) {
        throw new InputError(`No address for contract "${id}" on ${config.name} (network ${network})`, {
          hint: 'Set it in the config file (contracts.<id>) or through its environment variable',
        });
      }
      return address;
    },
  };
}
