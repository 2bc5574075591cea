import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from './db.js';

describe('indexer database (PGlite)', () => {
  it('migrates once, keeps data across reopen, and rolls a failed transaction back', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'pil-idx-')), 'db');
    const sql = await openDatabase({ dataDir });
    await sql.query('INSERT INTO chains (chain_id, name) VALUES ($1, $2)', [31337, 'a']);
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO chains (chain_id, name) VALUES ($1, $2)', [31338, 'b']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await sql.close();
    const again = await openDatabase({ dataDir });
    expect(await again.query('SELECT chain_id, name FROM chains')).toEqual([{ chain_id: 31337, name: 'a' }]);
    expect(await again.query('SELECT MAX(version) AS v FROM schema_version')).toEqual([{ v: MIGRATIONS.length }]);
    await again.close();
  });
});
