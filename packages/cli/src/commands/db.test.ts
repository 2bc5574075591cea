// RP-003 on a devnet: `pil db backup|verify|replay|restore|backups` against a running
// indexer (in process, found from its ready file like npm start's, asked through its
// admin endpoints), then with the indexer stopped (the PGlite folder opened directly).
// A deleted event is found by verify (exit 8) and put back by replay; a restore brings
// back the backed-up state, which the indexer then brings up to date.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../services/indexer/src/config/load.js';
import { devnetIndexerConfig } from '../../../../services/indexer/src/devnet.js';
import { type RunningIndexer, startIndexer } from '../../../../services/indexer/src/service.js';
import { useDevnet } from '../test-utils/governance.js';

type Verify = {
  ok: boolean;
  chains: { chainId: number; ok: boolean; indexed: number; onChain: number; missing: string[] }[];
};

describe('pil db (RP-003)', () => {
  const net = useDevnet();
  let indexer: RunningIndexer | undefined;
  afterAll(async () => {
    await indexer?.stop();
  });
  const json = async <T>(argv: string[]) => {
    const r = await net().cli([...argv, '--json']);
    return { code: r.code, stderr: r.stderr, out: (r.stdout ? JSON.parse(r.stdout) : undefined) as T };
  };
  let backupId = '';
  let total = 0;

  it('backs up, verifies, detects a deleted event, replays it back, through the running indexer', async () => {
    const dir = path.join(net().stateDir, 'deployments', 'devnet');
    const deployments = readdirSync(dir).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    const home = path.join(net().stateDir, 'devnet-indexer');
    // As npm start leaves it: the config file next to the database and the ready file.
    const config = { ...devnetIndexerConfig(deployments, home), logLevel: 'silent' as const };
    mkdirSync(home, { recursive: true });
    writeFileSync(path.join(home, 'config.json'), JSON.stringify(config));
    indexer = await startIndexer(parseConfig(config), {});
    await indexer.syncOnce();

    const backup = await json<{ backup: { id: string; rows: { events: number } } }>(['db', 'backup']);
    expect(backup.code, backup.stderr).toBe(0);
    backupId = backup.out.backup.id;
    total = backup.out.backup.rows.events;
    expect(total).toBeGreaterThan(100);

    const ok = await json<Verify>(['db', 'verify']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.out.chains.every((c) => c.ok && c.indexed === c.onChain)).toBe(true);

    // Damage: one event gone from the database.
    const [gone] = await indexer.sql.query<{ chain_id: number; block_number: number; log_index: number }>(
      'DELETE FROM events WHERE chain_id = 31337 AND log_index = 0 AND block_number = (SELECT MIN(block_number) FROM events WHERE chain_id = 31337) RETURNING chain_id, block_number, log_index',
    );
    const bad = await json<Verify>(['db', 'verify']);
    expect(bad.code).toBe(8);
    expect(bad.out.chains.find((c) => c.chainId === 31337)!.missing[0]).toMatch(
      new RegExp(`^${gone!.block_number}:0:`),
    );
    const human = await net().cli(['db', 'verify']);
    expect(human.stderr).toMatch(/pil db replay --from-block/);

    const replay = await json<{ chains: { chainId: number; events: number }[] }>([
      'db',
      'replay',
      '--from-block',
      String(gone!.block_number),
      '--chain',
      '31337',
    ]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.out.chains.map((c) => c.chainId)).toEqual([31337]);
    expect((await json<Verify>(['db', 'verify'])).code).toBe(0);
  }, 180_000);

  it('restores a backup and opens the database itself when the indexer is stopped', async () => {
    await indexer!.stop();
    indexer = undefined;
    // New chain activity after the backup: the restore goes back to the backup's state.
    await net().warp(60);
    const restored = await json<{ restored: { id: string } }>(['db', 'restore', '--backup-id', backupId]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.out.restored.id).toBe(backupId);
    const verified = await json<Verify>(['db', 'verify']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.out.chains.reduce((n, c) => n + c.indexed, 0)).toBe(total);

    const list = await json<{ backups: { id: string }[] }>(['db', 'backups']);
    expect(list.out.backups.map((b) => b.id)).toEqual([backupId]);
    const unknown = await net().cli(['db', 'restore', '--backup-id', 'backup-20000101T000000Z']);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toMatch(/No backup backup-20000101T000000Z/);
    const badBlock = await net().cli(['db', 'replay', '--from-block', '12abc']);
    expect(badBlock.code).toBe(5);
  }, 120_000);
});
