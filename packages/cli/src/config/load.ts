// Loads the configuration: the config file (if any), the built-in networks,
// and the environment. Fails fast with a readable message that names the
// offending key or environment variable, never its (possibly secret) value.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deployment } from '../deployments/schema.js';
import { readDeploymentFile, readDeployments } from '../deployments/store.js';
import { ConfigError, formatZodIssues } from '../errors.js';
import { type Env, registerEnvSecrets, requireEnv } from './env.js';
import {
  builtinMainnet,
  type ChainConfig,
  type ConfigFile,
  chainSchema,
  configFileSchema,
  DEVNET,
  envRefs,
  interpolate,
  type NetworkConfig,
  type RawNetwork,
} from './schema.js';

export const DEFAULT_CONFIG_FILE = 'pil.config.json';

export type LoadedConfig = {
  /** The config file that was read, if any. */
  file: string | undefined;
  /** Networks declared in the file plus the built-in ones (not yet resolved). */
  networks: Record<string, RawNetwork | typeof DEVNET>;
  /** Directory of PIL's local state (`.pil`): devnet deployments, logs. */
  stateDir: string;
  env: Env;
};

export type LoadConfigOptions = {
  /** `--config <file>`; otherwise `$PIL_CONFIG`, otherwise `./pil.config.json` when it exists. */
  configFile?: string | undefined;
  cwd: string;
  env: Env;
  stateDir: string;
};

export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const { cwd, env } = options;
  registerEnvSecrets(env);
  const explicit = options.configFile ?? env.PIL_CONFIG;
  const file = explicit ? path.resolve(cwd, explicit) : path.resolve(cwd, DEFAULT_CONFIG_FILE);
  let parsed: ConfigFile = { networks: {} };
  let used: string | undefined;
  if (existsSync(file)) {
    used = file;
    parsed = parseConfigFile(readFileSync(file, 'utf8'), file);
  } else if (explicit) {
    throw new ConfigError(`Config file ${file} does not exist`, { hint: 'Pass an existing file to --config' });
  }
  if (DEVNET in parsed.networks) {
    throw new ConfigError(`${used}: network "devnet" is built in and cannot be redefined`, {
      hint: 'Rename the network in the config file',
    });
  }
  return {
    file: used,
    networks: { [DEVNET]: DEVNET, mainnet: builtinMainnet, ...parsed.networks },
    stateDir: options.stateDir,
    env,
  };
}

export function parseConfigFile(text: string, file: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`Config file ${file} is not valid JSON`, { cause, details: String(cause) });
  }
  const result = configFileSchema.safeParse(json);
  if (!result.success) {
    throw new ConfigError(`Config file ${file} is invalid`, { details: formatZodIssues(result.error) });
  }
  return result.data;
}

/** Resolves one network: interpolates its environment variables and validates the result. */
export function resolveNetwork(config: LoadedConfig, name: string): NetworkConfig {
  const raw = config.networks[name];
  if (raw === undefined) {
    const known = Object.keys(config.networks).sort().join(', ');
    throw new ConfigError(`Unknown network "${name}"`, {
      details: `known networks: ${known}`,
      hint: `Use one of them with --network, or declare "${name}" in ${config.file ?? DEFAULT_CONFIG_FILE}`,
    });
  }
  if (raw === DEVNET) return resolveDevnet(config);
  const chains = raw.chains.map((chain, i) => resolveChain(config, name, i, chain));
  const seen = new Set<number>();
  for (const c of chains) {
    if (seen.has(c.chainId)) throw new ConfigError(`Network "${name}" lists chain id ${c.chainId} twice`);
    seen.add(c.chainId);
  }
  return { name, description: raw.description, chains };
}

function resolveChain(config: LoadedConfig, network: string, index: number, raw: RawNetwork['chains'][number]) {
  const where = `networks.${network}.chains.${index}`;
  // Interpolate every string, remembering which variables fed which key.
  const sources = new Map<string, string[]>();
  const subst = (key: string, value: string): string => {
    const refs = envRefs(value);
    if (refs.length) sources.set(key, refs);
    return interpolate(value, (v) => requireEnv(config.env, v, `${where}.${key}`));
  };
  const input = {
    name: raw.name,
    chainId: typeof raw.chainId === 'string' ? subst('chainId', raw.chainId) : raw.chainId,
    rpcUrl: subst('rpcUrl', raw.rpcUrl),
    contracts: Object.fromEntries(Object.entries(raw.contracts ?? {}).map(([k, v]) => [k, subst(`contracts.${k}`, v)])),
    ...(raw.deployments === undefined ? {} : { deployments: raw.deployments }),
    ...(raw.governance === undefined
      ? {}
      : {
          governance: {
            safe: subst('governance.safe', raw.governance.safe),
            standardTimelock: subst('governance.standardTimelock', raw.governance.standardTimelock),
            emergencyTimelock: subst('governance.emergencyTimelock', raw.governance.emergencyTimelock),
            ...(raw.governance.safeContracts
              ? {
                  safeContracts: Object.fromEntries(
                    Object.entries(raw.governance.safeContracts).map(([k, v]) => [
                      k,
                      subst(`governance.safeContracts.${k}`, v),
                    ]),
                  ),
                }
              : {}),
          },
        }),
  };
  const result = chainSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const vars = sources.get(key);
      return vars ? `${vars.join(', ')} (${where}.${key}): ${issue.message}` : `${where}.${key}: ${issue.message}`;
    });
    throw new ConfigError(`Network "${network}" is misconfigured`, { details: lines.join('\n') });
  }
  const chain: ChainConfig = result.data;
  if (chain.deployments !== undefined) {
    const base = config.file ? path.dirname(config.file) : process.cwd();
    const deployment = readDeploymentFile(path.resolve(base, chain.deployments));
    if (deployment.chainId !== chain.chainId) {
      throw new ConfigError(`${where}.deployments is for chain ${deployment.chainId}, not ${chain.chainId}`);
    }
    chain.contracts = { ...contractsOf(deployment), ...chain.contracts };
    if (!chain.governance && deployment.governance) chain.governance = deployment.governance;
  }
  return chain;
}

export function contractsOf(deployment: Deployment): ChainConfig['contracts'] {
  return Object.fromEntries(Object.entries(deployment.contracts).map(([id, c]) => [id, c.proxy]));
}

function resolveDevnet(config: LoadedConfig): NetworkConfig {
  const deployments = readDeployments(config.stateDir, DEVNET);
  if (deployments.length === 0) {
    throw new ConfigError('The devnet is not running (no deployments under .pil/deployments/devnet)', {
      hint: 'Start it with `npm start` or `pil devnet up` in another terminal',
    });
  }
  return {
    name: DEVNET,
    description: 'local anvil chains started by `pil devnet up`',
    chains: deployments.map((d) => ({
      name: `devnet-${d.chainId}`,
      chainId: d.chainId,
      rpcUrl: d.rpcUrl,
      contracts: contractsOf(d),
      ...(d.governance ? { governance: d.governance } : {}),
    })),
  };
}
