import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkFixtures, currentKeyHash, fixturePath, type ProofFixture, proveCached } from './fixtures.js';
import { FIXTURE_SCENARIOS } from './scenarios.js';

describe('proof fixtures', () => {
  it('every committed fixture was made with the current keys and verifies', async () => {
    const all = await checkFixtures();
    const expected = Object.values(FIXTURE_SCENARIOS).reduce((n, s) => n + Object.keys(s).length, 0);
    expect(all.length).toBeGreaterThanOrEqual(expected);
    for (const f of all) {
      expect({ path: f.path, current: f.current, verifies: f.verifies }).toEqual({
        path: f.path,
        current: true,
        verifies: true,
      });
    }
  });

  it('returns a current entry from the cache without proving', async () => {
    const { input, context } = await FIXTURE_SCENARIOS.container_create.create();
    const before = await readFile(fixturePath('container_create', 'create'), 'utf8');
    const f = await proveCached('container_create', input, { name: 'create', context });
    expect(JSON.stringify(f, null, 2)).toBe(before.trimEnd());
  });

  it('recomputes a stale entry (key hash changed)', async () => {
    const name = `stale-test-${process.pid}`;
    const path = fixturePath('container_create', name);
    try {
      await copyFile(fixturePath('container_create', 'create'), path);
      const stale = JSON.parse(await readFile(path, 'utf8')) as ProofFixture;
      await writeFile(path, JSON.stringify({ ...stale, keyHash: '00', cacheKey: '00' }));
      const { input, context } = await FIXTURE_SCENARIOS.container_create.create();
      const fresh = await proveCached('container_create', input, { name, context });
      expect(fresh.keyHash).toBe(await currentKeyHash('container_create'));
      expect(fresh.cacheKey).not.toBe('00');
      expect(fresh.publicSignals).toEqual(stale.publicSignals);
    } finally {
      await rm(path, { force: true });
    }
  });
});
