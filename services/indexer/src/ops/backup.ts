/**
 * Runbook RP-003: database backup and restore, portable between PGlite and PostgreSQL.
 * A backup is a folder `<backupsDir>/<id>/` with `data.jsonl.gz` (every row of every
 * table, one JSON object a line) and `manifest.json` (when, schema version, per-chain
 * cursors and counts, and the data file's sha256). A restore checks the checksum and
 * the schema version first, then replaces every table in one transaction: a failed
 * restore leaves the database as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MIGRATIONS, type Sql } from '../db/db.js';

const TABLES = ['chains', 'blocks', 'events'] as const;
type Table = (typeof TABLES)[number];

export type BackupManifest = {
  id: string;
  createdAt: string;
  schemaVersion: number;
  database: 'pglite' | 'postgres';
  chains: { chainId: number; name: string; cursorBlock: number | null; events: number }[];
  rows: Record<Table, number>;
  sha256: string;
};

export class BackupError extends Error {
  override name = 'BackupError';
}

const COLUMNS: Record<Table, string[]> = {
  chains: ['chain_id', 'name', 'cursor_block', 'cursor_hash'],
  blocks: ['chain_id', 'number', 'hash', 'timestamp'],
  events: [
    'chain_id',
    'block_number',
    'log_index',
    'block_hash',
    'tx_hash',
    'address',
    'contract',
    'event_name',
    'args',
  ],
};
const ORDER: Record<Table, string> = {
  chains: 'chain_id',
  blocks: 'chain_id, number',
  events: 'chain_id, block_number, log_index',
};

function newId(dir: string, now: Date): string {
  const base = `backup-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
  let id = base;
  for (let n = 2; existsSync(path.join(dir, id)); n++) id = `${base}-${n}`;
  return id;
}

export async function createBackup(sql: Sql, backupsDir: string, now = new Date()): Promise<BackupManifest> {
  mkdirSync(backupsDir, { recursive: true });
  const id = newId(backupsDir, now);
  // One transaction: the three tables as of one moment.
  const { lines, rows } = await sql.transaction(async (tx) => {
    const lines: string[] = [];
    const rows = { chains: 0, blocks: 0, events: 0 } as Record<Table, number>;
    for (const t of TABLES) {
      const all = await tx.query<Record<string, unknown>>(
        `SELECT ${COLUMNS[t].join(', ')} FROM ${t} ORDER BY ${ORDER[t]}`,
      );
      for (const r of all) lines.push(JSON.stringify({ t, r }));
      rows[t] = all.length;
    }
    return { lines, rows };
  });
  const data = gzipSync(Buffer.from(`${lines.join('\n')}\n`));
  const chains = await sql.query<{ chain_id: number; name: string; cursor_block: number | null; events: number }>(
    `SELECT c.chain_id, c.name, c.cursor_block, (SELECT COUNT(*)::int FROM events e WHERE e.chain_id = c.chain_id) AS events
       FROM chains c ORDER BY c.chain_id`,
  );
  const manifest: BackupManifest = {
    id,
    createdAt: now.toISOString(),
    schemaVersion: MIGRATIONS.length,
    database: sql.kind,
    chains: chains.map((c) => ({ chainId: c.chain_id, name: c.name, cursorBlock: c.cursor_block, events: c.events })),
    rows,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
  // Written under a temporary name and renamed: a half-written backup never has an id.
  const tmp = path.join(backupsDir, `.${id}.tmp`);
  mkdirSync(tmp, { recursive: true });
  writeFileSync(path.join(tmp, 'data.jsonl.gz'), data);
  writeFileSync(path.join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(tmp, path.join(backupsDir, id));
  return manifest;
}

export function listBackups(backupsDir: string): BackupManifest[] {
  if (!existsSync(backupsDir)) return [];
  return readdirSync(backupsDir)
    .filter((d) => d.startsWith('backup-') && existsSync(path.join(backupsDir, d, 'manifest.json')))
    .map((d) => JSON.parse(readFileSync(path.join(backupsDir, d, 'manifest.json'), 'utf8')) as BackupManifest)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function restoreBackup(sql: Sql, backupsDir: string, id: string): Promise<BackupManifest> {
  if (!/^backup-[0-9TZ-]+$/.test(id))
    throw new BackupError(`"${id.slice(0, 60)}" is not a backup id (pil db backups lists them)`);
  const dir = path.join(backupsDir, id);
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new BackupError(`No backup ${id} in ${backupsDir}`);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  const data = readFileSync(path.join(dir, 'data.jsonl.gz'));
  if (createHash('sha256').update(data).digest('hex') !== manifest.sha256) {
    throw new BackupError(`Backup ${id} is damaged: its data does not match the manifest's checksum`);
  }
  if (manifest.schemaVersion > MIGRATIONS.length) {
    throw new BackupError(
      `Backup ${id} has schema version ${manifest.schemaVersion}; this indexer knows ${MIGRATIONS.length}: upgrade first`,
    );
  }
  const rows: Record<Table, Record<string, unknown>[]> = { chains: [], blocks: [], events: [] };
  for (const line of gunzipSync(data).toString('utf8').split('\n')) {
    if (!line) continue;
    const { t, r } = JSON.parse(line) as { t: Table; r: Record<string, unknown> };
    rows[t].push(r);
  }
  for (const t of TABLES) {
    if (rows[t].length !== manifest.rows[t])
      throw new BackupError(`Backup ${id}: ${t} has ${rows[t].length} rows, the manifest ${manifest.rows[t]}`);
  }
  await sql.transaction(async (tx) => {
    for (const t of [...TABLES].reverse()) await tx.query(`DELETE FROM ${t}`);
    for (const t of TABLES) {
      const cols = COLUMNS[t];
      for (let i = 0; i < rows[t].length; i += 500) {
        const batch = rows[t].slice(i, i + 500);
        const values: unknown[] = [];
        const tuples = batch.map((r, j) => {
          for (const c of cols) values.push(c === 'args' ? JSON.stringify(r[c]) : r[c]);
          return `(${cols.map((_, k) => `$${j * cols.length + k + 1}`).join(', ')})`;
        });
        await tx.query(`INSERT INTO ${t} (${cols.join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
    }
  });
  return manifest;
}
