import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  collectAbis,
  collectDeployArtifacts,
  deployArtifactsDir,
  exportName,
  readAbiFiles,
  renderAbiFiles,
  renderDeployArtifacts,
  repoRoot,
} from './gen-abis.js';

describe('exportName', () => {
  it('lower-cases the leading acronym', () => {
    expect(exportName('PILv2Orchestrator')).toBe('pilv2OrchestratorAbi');
    expect(exportName('ERC1967Proxy')).toBe('erc1967ProxyAbi');
    expect(exportName('VerifierRegistry')).toBe('verifierRegistryAbi');
    expect(exportName('IPILBase')).toBe('ipilBaseAbi');
    expect(exportName('PoseidonT3')).toBe('poseidonT3Abi');
  });
});

describe('committed ABIs', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'pil-abis-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('and deploy artifacts match a fresh forge build (run `npx tsx contracts/scripts/gen-abis.ts` after changing contracts)', () => {
    const out = path.join(tmp, 'out');
    const build = spawnSync(
      path.join(repoRoot, 'node_modules', '.bin', 'forge'),
      ['build', '--out', out, '--cache-path', path.join(tmp, 'cache'), '--skip', 'test', '--skip', 'script'],
      { cwd: path.join(repoRoot, 'contracts'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(build.status, build.stderr || build.stdout).toBe(0);
    const fresh = renderAbiFiles(collectAbis(out));
    const committed = readAbiFiles();
    expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [file, content] of fresh) expect(committed.get(file), `${file} is stale`).toBe(content);

    const freshDeploy = renderDeployArtifacts(collectDeployArtifacts(out));
    const committedDeploy = readAbiFiles(deployArtifactsDir);
    expect([...committedDeploy.keys()].sort()).toEqual([...freshDeploy.keys()].sort());
    for (const [file, content] of freshDeploy) {
      expect(committedDeploy.get(file), `contracts/deploy-artifacts/${file} is stale`).toBe(content);
    }
  }, 600_000);
});
