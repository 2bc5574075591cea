import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../errors.js';
import { useAnvil } from '../test-utils/anvil.js';
import { runCli, tempStateDir } from '../test-utils/run.js';
import { envPlaceholder } from './schema.js';

const orchestrator = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const mainnetEnv = {
  MAINNET_RPC_URL: 'http://127.0.0.1:1/v2/provider-secret-key-123',
  ORCHESTRATOR_ADDRESS: orchestrator,
  PC3_ADDRESS: orchestrator,
  PBP_ADDRESS: orchestrator,
  EASC_ADDRESS: orchestrator,
  CDNA_ADDRESS: orchestrator,
};

function writeConfig(config: unknown): string {
  const dir = tempStateDir();
  const file = path.join(dir, 'pil.config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('network selection', () => {
  it('rejects an unknown network and lists the known ones', async () => {
    const r = await runCli(['config', 'show', '--network', 'nope']);
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('Unknown network "nope"');
    expect(r.stderr).toContain('devnet, mainnet');
  });

  it('says how to start the devnet when it is not running', async () => {
    const r = await runCli(['status']);
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('devnet is not running');
    expect(r.stderr).toContain('pil devnet up');
  });

  it('prints errors as JSON on stdout under --json', async () => {
    const r = await runCli(['config', 'show', '--network', 'nope', '--json']);
    expect(r.code).toBe(ExitCode.config);
    const { error } = JSON.parse(r.stdout) as { error: { name: string; exitCode: number } };
    expect(error).toMatchObject({ name: 'ConfigError', exitCode: ExitCode.config });
  });

  it('exits with the usage code on an unknown option', async () => {
    const r = await runCli(['status', '--bogus']);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });
});

describe('runbook environment variables', () => {
  it('names a missing variable', async () => {
    const { MAINNET_RPC_URL: _, ...env } = mainnetEnv;
    const r = await runCli(['config', 'show', '--network', 'mainnet'], { env });
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('Environment variable MAINNET_RPC_URL is not set');
  });

  it('resolves mainnet from the environment', async () => {
    const r = await runCli(['config', 'show', '--network', 'mainnet', '--json'], { env: mainnetEnv });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      network: { chains: { chainId: number; contracts: Record<string, string> }[] };
    };
    expect(out.network.chains[0]).toMatchObject({ chainId: 1, contracts: { orchestrator, pc3: orchestrator } });
    expect(r.stdout).not.toContain('provider-secret-key-123');
  });

  it('rejects a malformed address and names its variable without echoing it', async () => {
    const r = await runCli(['config', 'show', '--network', 'mainnet'], {
      env: { ...mainnetEnv, PBP_ADDRESS: '0x12345zz' },
    });
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('PBP_ADDRESS');
    expect(r.stderr).toContain('expected a 0x-prefixed 20-byte hex address');
    expect(r.stderr).not.toContain('0x12345zz');
  });

  it('never prints the RPC URL key or the private key, even on a network error', async () => {
    const privateKey = `0x${'ab'.repeat(32)}`;
    const r = await runCli(['status', '--network', 'mainnet', '--verbose'], {
      env: { ...mainnetEnv, PRIVATE_KEY: privateKey },
    });
    expect(r.code).toBe(ExitCode.network);
    expect(r.stderr).toContain('Cannot reach chain ethereum');
    expect(r.stderr).toContain('[redacted]');
    for (const secret of ['provider-secret-key-123', privateKey, privateKey.slice(2)]) {
      expect(r.stderr).not.toContain(secret);
      expect(r.stdout).not.toContain(secret);
    }
  });
});

describe('config file', () => {
  const chain = useAnvil({ chainId: 31337 });

  it('rejects unknown keys with the path of the problem', async () => {
    const file = writeConfig({
      networks: { local: { chains: [{ name: 'a', chainId: 1, rpcUrl: 'http://x', rpc: 1 }] } },
    });
    const r = await runCli(['config', 'show', '--config', file, '--network', 'local']);
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('is invalid');
    expect(r.stderr).toContain('networks.local.chains.0');
  });

  it('fails on a missing --config file', async () => {
    const r = await runCli(['config', 'show', '--config', '/nonexistent/pil.config.json']);
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('does not exist');
  });

  it('rejects a chain whose RPC answers another chain id', async () => {
    const file = writeConfig({
      networks: { local: { chains: [{ name: 'local', chainId: 5, rpcUrl: chain().rpcUrl }] } },
    });
    const r = await runCli(['config', 'check', '--config', file, '--network', 'local']);
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('Wrong chain id for local');
    expect(r.stderr).toContain('the config says 5, the RPC endpoint answers 31337');
  });

  it('accepts a correct chain and interpolates environment references', async () => {
    const file = writeConfig({
      networks: {
        local: { chains: [{ name: 'local', chainId: envPlaceholder('LOCAL_CHAIN_ID'), rpcUrl: chain().rpcUrl }] },
      },
    });
    const r = await runCli(['config', 'check', '--config', file, '--network', 'local', '--json'], {
      env: { LOCAL_CHAIN_ID: '31337' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ network: 'local', ok: true, chains: [{ chainId: 31337 }] });
  });

  it('reports configured addresses without code', async () => {
    const file = writeConfig({
      networks: {
        local: {
          chains: [{ name: 'local', chainId: 31337, rpcUrl: chain().rpcUrl, contracts: { pc3: orchestrator } }],
        },
      },
    });
    const r = await runCli(['config', 'check', '--config', file, '--network', 'local']);
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('local.pc3');
  });
});

describe('the pil binary', () => {
  it('exits with the error code of the failure', async () => {
    const { spawnSync } = await import('node:child_process');
    const { repoRoot } = await import('../context.js');
    const res = spawnSync(process.execPath, [path.join(repoRoot, 'packages/cli/bin/pil.mjs'), 'status', '-n', 'nope'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', PIL_STATE_DIR: tempStateDir() },
    });
    expect(res.status).toBe(ExitCode.config);
    expect(res.stderr).toContain('Unknown network "nope"');
    const help = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'packages/cli/bin/pil.mjs'), 'devnet', 'up', '--help'],
      {
        encoding: 'utf8',
      },
    );
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});
