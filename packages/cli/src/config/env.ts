// The environment variables of the runbook ("Environment Variables"), in one
// place. Read them through `requireEnv` so that a missing one is a clear error
// that names it, and so that secrets are registered for redaction.
import { MissingEnvError, registerSecret } from '../errors.js';

export const runbookEnvVars = {
  MAINNET_RPC_URL: 'JSON-RPC URL of the mainnet chain (may embed a provider key: treated as a secret)',
  PRIVATE_KEY: 'signer key for state-changing commands (secret)',
  ORCHESTRATOR_ADDRESS: 'PILv2Orchestrator proxy address',
  PC3_ADDRESS: 'ProofCarryingContainer proxy address',
  PBP_ADDRESS: 'PolicyBoundProofs proxy address',
  EASC_ADDRESS: 'ExecutionAgnosticStateCommitments proxy address',
  CDNA_ADDRESS: 'CrossDomainNullifierAlgebra proxy address',
  ETHERSCAN_API_KEY: 'source verification (secret)',
  PAGERDUTY_API_KEY: 'alert routing (secret)',
} as const;

/** Variables whose values must never be printed. */
const secretVars = new Set(['PRIVATE_KEY', 'ETHERSCAN_API_KEY', 'PAGERDUTY_API_KEY', 'MAINNET_RPC_URL']);

export type Env = Readonly<Record<string, string | undefined>>;

export function isSecretVar(name: string): boolean {
  return secretVars.has(name) || /KEY|SECRET|TOKEN|PASSWORD/i.test(name) || /_RPC_URL$/.test(name);
}

/** Registers the values of every secret variable present in `env` for redaction. */
export function registerEnvSecrets(env: Env): void {
  for (const [name, value] of Object.entries(env)) if (value && isSecretVar(name)) registerSecret(value);
}

export function requireEnv(env: Env, name: string, purpose?: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new MissingEnvError(name, purpose === undefined ? {} : { details: `needed for ${purpose}` });
  }
  if (isSecretVar(name)) registerSecret(value);
  return value;
}
