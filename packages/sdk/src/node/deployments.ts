/** Deployments files on disk (`.pil/deployments/<network>/<chainId>.json`). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type PilDeployment, parseDeployment } from '../clients/addresses.js';
import { ConfigError } from '../errors/families.js';

/** Reads and checks one deployments file. */
export function loadDeployment(file: string): PilDeployment {
  if (!existsSync(file)) {
    throw new ConfigError(`No deployments file at ${file}`, {
      hint: 'Run `pil devnet up` first',
      docsPath: '#addresses',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ConfigError(`${file} is not JSON`, { cause });
  }
  return parseDeployment(json, file);
}

/** Every chain of a network: `<dir>/<network>/*.json`, by chain id (default dir `.pil/deployments`). */
export function loadDeployments(
  network = 'devnet',
  dir = path.join(process.cwd(), '.pil', 'deployments'),
): PilDeployment[] {
  const folder = path.join(dir, network);
  if (!existsSync(folder)) {
    throw new ConfigError(`No deployments for ${network} in ${dir}`, { hint: 'Run `pil devnet up` first' });
  }
  return readdirSync(folder)
    .filter((f) => /^\d+\.json$/.test(f))
    .map((f) => loadDeployment(path.join(folder, f)))
    .sort((a, b) => a.chainId - b.chainId);
}
