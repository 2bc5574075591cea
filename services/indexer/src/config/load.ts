/**
 * Loads the indexer's config file, validates it, and picks the database: PostgreSQL when
 * DATABASE_URL is set (it holds a password: never echoed, see `redact`), else PGlite in
 * `database.dataDir`.
 */
import { readFileSync } from 'node:fs';
import type { DatabaseOptions } from '../db/db.js';
import { configSchema, type IndexerConfig } from './schema.js';

export class IndexerConfigError extends Error {
  override name = 'IndexerConfigError';
}

export function parseConfig(raw: unknown, source = 'config'): IndexerConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new IndexerConfigError(`Invalid indexer config (${source}):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadConfig(file: string | undefined): IndexerConfig {
  if (!file) throw new IndexerConfigError('No indexer config: pass --config <file> or set INDEXER_CONFIG');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new IndexerConfigError(`Cannot read indexer config ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  return parseConfig(raw, file);
}

/** The database to open: DATABASE_URL (PostgreSQL) wins over `database.dataDir` (PGlite). */
export function databaseOptions(config: IndexerConfig, env: NodeJS.ProcessEnv): DatabaseOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) return { url };
  if (config.database.dataDir) return { dataDir: config.database.dataDir };
  throw new IndexerConfigError(
    'No indexer database: set database.dataDir (a PGlite folder) in the config, or DATABASE_URL (PostgreSQL)',
  );
}

/** `text` with DATABASE_URL, and its password alone, replaced by `***`. */
export function redact(text: string, env: NodeJS.ProcessEnv): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) return text;
  const secrets = [url];
  try {
    const password = new URL(url).password;
    if (password) secrets.push(password, decodeURIComponent(password));
  } catch {
    // not a URL: the whole string is the secret
  }
  let out = text;
  for (const s of secrets.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length))
    out = out.split(s).join('***');
  return out;
}
