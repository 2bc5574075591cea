import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import type { DeploymentInput } from './schema.js';
import { readDeployments, writeDeployment } from './store.js';

const a = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const deployment: DeploymentInput = {
  format: 1,
  network: 'devnet',
  chainId: 31337,
  rpcUrl: 'http://127.0.0.1:1234',
  deploymentBlock: 1,
  deployedAt: '2026-11-28T00:00:00.000Z',
  deployer: a,
  version: '0.1.0',
  contracts: {
    orchestrator: { artifact: 'PILv2Orchestrator', proxy: a, implementation: a, roles: { GUARDIAN_ROLE: [a] } },
  },
};

describe('deployments files', () => {
  it('round-trip with checksummed addresses', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pil-deployments-'));
    const { file } = writeDeployment(dir, deployment);
    expect(file).toBe(path.join(dir, 'deployments', 'devnet', '31337.json'));
    const [read] = readDeployments(dir, 'devnet');
    expect(read?.contracts.orchestrator?.proxy).toBe('0x5FbDB2315678afecb367f032d93F642f64180aa3');
    expect(read?.libraries).toEqual({});
  });

  it('reject a malformed address, naming the field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pil-deployments-'));
    const bad = {
      ...deployment,
      contracts: { pc3: { artifact: 'ProofCarryingContainer', proxy: '0x12', implementation: a } },
    };
    const err = (() => {
      try {
        writeDeployment(dir, bad as DeploymentInput);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).details).toContain('contracts.pc3.proxy');
  });
});
