/** Loads the config file, applies environment overrides, validates; fails fast and readably. */
import { readFileSync } from 'node:fs';

import { configSchema, type RelayerConfig } from './schema.js';

export class ConfigLoadError extends Error {
  override name = 'ConfigLoadError';
}

/** Environment overrides (documented in ../service.ts). Values are never echoed in errors. */
export function applyEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  if (env.RELAYER_DATA_DIR) out.dataDir = env.RELAYER_DATA_DIR;
  if (env.RELAYER_NAME) out.name = env.RELAYER_NAME;
  if (env.RELAYER_LOG_LEVEL) out.logLevel = env.RELAYER_LOG_LEVEL;
  if (env.RELAYER_READY_FILE) out.readyFile = env.RELAYER_READY_FILE;
  if (env.RELAYER_PORT !== undefined || env.RELAYER_HOST !== undefined) {
    const server = { ...((raw.server as Record<string, unknown> | undefined) ?? {}) };
    if (env.RELAYER_PORT !== undefined) server.port = Number(env.RELAYER_PORT);
    if (env.RELAYER_HOST) server.host = env.RELAYER_HOST;
    out.server = server;
  }
  if (env.RELAYER_KEYSTORE) out.keystore = { path: env.RELAYER_KEYSTORE };
  if (Array.isArray(raw.chains)) {
    out.chains = raw.chains.map((c: Record<string, unknown>) => {
      const urls = env[`RELAYER_RPC_URLS_${c.chainId}`];
      return urls ? { ...c, rpcUrls: urls.split(',').map((u) => u.trim()) } : c;
    });
  }
  return out;
}

export function parseConfig(raw: unknown, source = 'config'): RelayerConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigLoadError(`Invalid relayer config (${source}):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): RelayerConfig {
  let raw: unknown = {};
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigLoadError(`Cannot read relayer config ${file}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (!raw || typeof raw !== 'object') throw new ConfigLoadError(`Relayer config ${file} is not a JSON object`);
  return parseConfig(applyEnv(raw as Record<string, unknown>, env), file ?? 'environment');
}
