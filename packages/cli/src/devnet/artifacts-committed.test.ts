// The committed deploy artifacts (contracts/deploy-artifacts) let the devnet deploy without a
// forge build; contracts/scripts/gen-abis.test.ts checks they equal a fresh build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contractIds, contractInfo } from '../contracts.js';
import { ArtifactStore, requiredLibraries } from './artifacts.js';
import { findVerifier } from './wire.js';

describe('committed deploy artifacts', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'pil-no-out-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const store = new ArtifactStore(path.join(tmp, 'out'));

  it('hold every PIL contract, both verifiers and the proxy with no forge output at all', () => {
    for (const id of contractIds) {
      const a = store.get(contractInfo[id].artifact);
      expect(a.bytecode, id).toMatch(/^0x[0-9a-f]{200,}/);
      expect(a.sourcePath, id).toMatch(/^src\//);
    }
    expect(findVerifier(store, 'container_create')).toBe('ContainerCreateVerifier');
    expect(findVerifier(store, 'container_spend')).toBe('ContainerSpendVerifier');
    expect(store.get('ERC1967Proxy').abi.some((i) => i.type === 'constructor')).toBe(true);
  });

  it('keep library link references (PC3 links PoseidonT3)', () => {
    expect(requiredLibraries(store.get(contractInfo.pc3.artifact)).map((l) => l.name)).toEqual(['PoseidonT3']);
  });

  it('can be switched off to deploy a forge build only', () => {
    expect(() => new ArtifactStore(path.join(tmp, 'out'), { committedDir: null })).toThrow(/No build artifacts/);
  });
});
