// Backup and restore (RP-003) on a real PGlite database: a restore brings back exactly
// what was backed up, in one transaction; a damaged backup or one from a newer schema is
// refused with the database untouched.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sql } from '../db/db.js';
import { createBackup, listBackups, restoreBackup } from './backup.js';

const dump = (sql: Sql) =>
  Promise.all([
    sql.query('SELECT * FROM chains ORDER BY chain_id'),
    sql.query('SELECT * FROM blocks ORDER BY chain_id, number'),
    sql.query('SELECT * FROM events ORDER BY chain_id, block_number, log_index'),
  ]);

describe('indexer backup and restore', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pil-backup-'));
  const backups = path.join(dir, 'backups');
  let sql: Sql;

  beforeAll(async () => {
    sql = await openDatabase({ dataDir: path.join(dir, 'db') });
    await sql.query("INSERT INTO chains VALUES (31337, 'a', 12, '0xaa'), (31338, 'b', 9, '0xbb')");
    await sql.query(
      "INSERT INTO blocks VALUES (31337, 5, '0x05', 1000), (31337, 12, '0xaa', 1007), (31338, 9, '0xbb', 1003)",
    );
    for (let i = 0; i < 1_200; i++) {
      await sql.query('INSERT INTO events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        31337,
        5 + (i % 7),
        i,
        '0x05',
        `0x${i.toString(16).padStart(64, '0')}`,
        '0xabc',
        'pc3',
        'ContainerCreated',
        JSON.stringify({ leafIndex: String(i), nested: { a: [1, '2'] } }),
      ]);
    }
  });
  afterAll(async () => {
    await sql?.close();
  });

  it('restores exactly what was backed up', async () => {
    const before = await dump(sql);
    const manifest = await createBackup(sql, backups, new Date('2026-11-28T12:00:00Z'));
    expect(manifest).toMatchObject({
      id: 'backup-20261128T120000Z',
      rows: { chains: 2, blocks: 3, events: 1_200 },
      chains: [
        { chainId: 31337, name: 'a', cursorBlock: 12, events: 1_200 },
        { chainId: 31338, name: 'b', cursorBlock: 9, events: 0 },
      ],
    });
    expect((await createBackup(sql, backups, new Date('2026-11-28T12:00:00Z'))).id).toBe('backup-20261128T120000Z-2');
    expect(listBackups(backups).map((b) => b.id)).toEqual(['backup-20261128T120000Z', 'backup-20261128T120000Z-2']);

    await sql.query('DELETE FROM events WHERE log_index > 100');
    await sql.query('UPDATE chains SET cursor_block = 99 WHERE chain_id = 31337');
    await restoreBackup(sql, backups, manifest.id);
    expect(await dump(sql)).toEqual(before);
  });

  it('refuses a damaged backup, a newer schema and an unknown id, leaving the database as it was', async () => {
    const before = await dump(sql);
    const good = await createBackup(sql, backups);
    const damaged = path.join(backups, good.id, 'data.jsonl.gz');
    const bytes = readFileSync(damaged);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
    writeFileSync(damaged, bytes);
    await expect(restoreBackup(sql, backups, good.id)).rejects.toThrow(/damaged/);

    const newer = await createBackup(sql, backups);
    const mf = path.join(backups, newer.id, 'manifest.json');
    writeFileSync(mf, JSON.stringify({ ...JSON.parse(readFileSync(mf, 'utf8')), schemaVersion: 99 }));
    await expect(restoreBackup(sql, backups, newer.id)).rejects.toThrow(/schema version 99/);

    await expect(restoreBackup(sql, backups, 'backup-20000101T000000Z')).rejects.toThrow(/No backup/);
    await expect(restoreBackup(sql, backups, '../../etc')).rejects.toThrow(/not a backup id/);
    expect(await dump(sql)).toEqual(before);
  });
});
