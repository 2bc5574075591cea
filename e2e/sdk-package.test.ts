// The SDK as its users get it: `npm pack` (which builds ESM + .d.ts and copies the
// circuit artifacts), installed from the tarball into an empty project outside the
// monorepo, then the README's quick start and examples and every example of
// docs/API.md run against a fresh devnet, as one program (helpers/docs.ts).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eDevnet, repoRoot, startE2eDevnet } from './helpers/devnet.js';
import { docsProgram, sdkDir } from './helpers/docs.js';

const run = promisify(execFile);

describe('@pil/sdk packed, installed in an empty project, README and API examples run against the devnet', () => {
  let work: string;
  let devnet: E2eDevnet;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'pil-sdk-pack-'));
    const devnetStarted = startE2eDevnet();
    await run('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: sdkDir });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack produced no tarball');
    const project = path.join(work, 'app');
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const viemVersion = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/viem/package.json'), 'utf8')).version;
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(work, tarball), `viem@${viemVersion}`],
      { cwd: project },
    );
    devnet = await devnetStarted;
  }, 600_000);

  afterAll(async () => {
    await devnet?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships ESM, type declarations and the circuit artifacts, and nothing of the monorepo', () => {
    const pkg = path.join(work, 'app', 'node_modules', '@pil', 'sdk');
    const files = readdirSync(pkg, { recursive: true }).map(String);
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/node/index.js', 'dist/node/index.d.ts']) {
      expect(files).toContain(f);
    }
    expect(files).toContain(path.join('artifacts', 'container_spend', 'container_spend_final.zkey'));
    expect(files).toContain(path.join('docs', 'API.md'));
    expect(files.some((f) => f.endsWith('.test.js') || f.startsWith('src'))).toBe(false);
  });

  it('runs the README quick start and examples, then every example of docs/API.md', async () => {
    const project = path.join(work, 'app');
    writeFileSync(path.join(project, 'docs.mjs'), docsProgram());
    const { stdout: out } = await run('node', ['docs.mjs'], {
      cwd: project,
      env: { ...process.env, PIL_DEPLOYMENTS: devnet.deploymentsDir },
      encoding: 'utf8',
      timeout: 240_000,
      killSignal: 'SIGKILL',
    });
    expect(out).toContain(`imported on chain ${devnet.chains[1].chainId} at leaf 0: amount 1000`);
    expect(out).toContain('root matches true');
    expect(out).toContain('verifies off-chain true true');
    expect(out).toContain('true Message');
    expect(out).toContain('API examples done');
  }, 300_000);
});
