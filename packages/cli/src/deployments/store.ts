import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, formatZodIssues } from '../errors.js';
import { writeJsonAtomic } from '../files.js';
import { type Deployment, type DeploymentInput, deploymentSchema } from './schema.js';

export function deploymentsDir(stateDir: string, network: string): string {
  return path.join(stateDir, 'deployments', network);
}

export function deploymentPath(stateDir: string, network: string, chainId: number): string {
  return path.join(deploymentsDir(stateDir, network), `${chainId}.json`);
}

export function parseDeployment(json: unknown, source: string): Deployment {
  const parsed = deploymentSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(`Invalid deployments file ${source}`, { details: formatZodIssues(parsed.error) });
  }
  return parsed.data;
}

export function readDeploymentFile(file: string): Deployment {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ConfigError(`Cannot read deployments file ${file}`, { cause, details: String(cause) });
  }
  return parseDeployment(json, file);
}

/** Every deployment of a network, sorted by chain id; empty when there are none. */
/** The deployments files of a network, when it has them (the devnet); other networks: none. */
export function deploymentsOf(ctx: { network: { name: string }; stateDir: string }): Deployment[] {
  return ctx.network.name === 'devnet' ? readDeployments(ctx.stateDir, 'devnet') : [];
}

/** The deployments file of one chain of the network, if there is one. */
export function deploymentOf(ctx: { network: { name: string }; stateDir: string }, chainId: number) {
  return deploymentsOf(ctx).find((d) => d.chainId === chainId);
}

export function readDeployments(stateDir: string, network: string): Deployment[] {
  const dir = deploymentsDir(stateDir, network);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^\d+\.json$/.test(f));
  } catch {
    return [];
  }
  return files.map((f) => readDeploymentFile(path.join(dir, f))).sort((a, b) => a.chainId - b.chainId);
}

/** Validates and writes atomically (write to a temporary file, then rename); returns the file and the validated deployment. */
export function writeDeployment(
  stateDir: string,
  deployment: DeploymentInput,
): { file: string; deployment: Deployment } {
  const valid = parseDeployment(deployment, `(deployment of chain ${deployment.chainId})`);
  const file = deploymentPath(stateDir, valid.network, valid.chainId);
  writeJsonAtomic(file, valid);
  return { file, deployment: valid };
}
