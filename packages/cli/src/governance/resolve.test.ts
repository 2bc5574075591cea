// Governance of a configured (non-devnet) network: from the config file's
// `governance` object (with ${VAR} references) or from SAFE_ADDRESS /
// STANDARD_TIMELOCK_ADDRESS / EMERGENCY_TIMELOCK_ADDRESS; a clear error otherwise.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveNetwork } from '../config/load.js';
import { envPlaceholder } from '../config/schema.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { governanceOf } from './resolve.js';

const safe = '0x6CaB8760ff659bd2d2DCfcBbD404241e2a701E4B';
const standard = '0x367761085BF3C12e5DA2Df99AC6E1a824612b8fb';
const emergency = '0x4C2F7092C2aE51D986bEFEe378e50BD4dB99C901';

function setup(governance: unknown, env: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pil-gov-'));
  writeFileSync(
    path.join(dir, 'pil.config.json'),
    JSON.stringify({
      networks: {
        sepolia: {
          chains: [
            { name: 'sepolia', chainId: 11155111, rpcUrl: 'http://127.0.0.1:1', ...(governance ? { governance } : {}) },
          ],
        },
      },
    }),
  );
  const config = loadConfig({ cwd: dir, env, stateDir: dir });
  const network = resolveNetwork(config, 'sepolia');
  const ctx = { network, env } as unknown as NetworkContext;
  const chain = { config: network.chains[0]! } as unknown as ChainContext;
  return { ctx, chain };
}

describe('governanceOf', () => {
  it('reads the chain governance from the config file, resolving environment references', () => {
    const { ctx, chain } = setup(
      { safe: envPlaceholder('SAFE'), standardTimelock: standard, emergencyTimelock: emergency },
      { SAFE: safe },
    );
    expect(governanceOf(ctx, chain)).toMatchObject({ safe, standardTimelock: standard, emergencyTimelock: emergency });
  });

  it('falls back to the environment variables, and names what is missing', () => {
    const env = { SAFE_ADDRESS: safe, STANDARD_TIMELOCK_ADDRESS: standard, EMERGENCY_TIMELOCK_ADDRESS: emergency };
    const { ctx, chain } = setup(undefined, env);
    expect(governanceOf(ctx, chain)).toMatchObject({ safe, standardTimelock: standard, emergencyTimelock: emergency });
    const bare = setup(undefined, {});
    expect(() => governanceOf(bare.ctx, bare.chain)).toThrow(
      /No governance \(Safe and timelocks\) configured for sepolia/,
    );
    const bad = setup(undefined, { ...env, SAFE_ADDRESS: '0x12' });
    expect(() => governanceOf(bad.ctx, bad.chain)).toThrow(/Not an address: SAFE_ADDRESS/);
  });

  it('rejects a malformed governance address in the config file', () => {
    expect(() => setup({ safe: '0x12', standardTimelock: standard, emergencyTimelock: emergency }, {})).toThrow(
      /misconfigured/,
    );
  });
});
