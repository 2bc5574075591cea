// `pil db backup|backups|restore|verify|replay` (runbook RP-003) over the indexer's
// database (services/indexer). The indexer is the database's one writer: when it runs
// (the devnet's, found from its ready file, or `--indexer-url`), the command asks it
// through its loopback admin endpoints (with the admin token from the ready file or
// INDEXER_ADMIN_TOKEN); when it does not, the command opens the database itself (PGlite
// folder or DATABASE_URL) from the indexer's config file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { databaseOptions, loadConfig } from '../../../../services/indexer/src/config/load.js';
import { type DatabaseOptions, openDatabase, type Sql } from '../../../../services/indexer/src/db/db.js';
import {
  type BackupManifest,
  createBackup,
  listBackups,
  restoreBackup,
} from '../../../../services/indexer/src/ops/backup.js';
import { replayChains, type VerifyResult, verifyChain } from '../../../../services/indexer/src/ops/verify.js';
import { indexedChains } from '../../../../services/indexer/src/service.js';
import type { BaseContext } from '../context.js';
import { CheckFailedError, ConfigError, InputError, NetworkError } from '../errors.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

type Target =
  | { kind: 'service'; url: string; token: string }
  | { kind: 'direct'; open: () => Promise<Sql>; config: ReturnType<typeof loadConfig>; db: DatabaseOptions };

type DbOptions = { indexerConfig?: string; indexerUrl?: string; backupsDir?: string };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function devnetIndexerDir(ctx: BaseContext): string {
  return path.join(ctx.stateDir, 'devnet-indexer');
}

function resolveTarget(ctx: BaseContext, opts: DbOptions): Target {
  const env = ctx.env as NodeJS.ProcessEnv;
  if (opts.indexerUrl) {
    const token = env.INDEXER_ADMIN_TOKEN;
    if (!token)
      throw new ConfigError(
        'Set INDEXER_ADMIN_TOKEN: --indexer-url asks a running indexer, which needs its admin token',
      );
    return { kind: 'service', url: opts.indexerUrl.replace(/\/$/, ''), token };
  }
  const devnet = ctx.options.network === 'devnet';
  const ready = path.join(devnetIndexerDir(ctx), 'ready.json');
  if (devnet && !opts.indexerConfig && existsSync(ready)) {
    const r = JSON.parse(readFileSync(ready, 'utf8')) as { pid: number; url: string; adminToken?: string };
    if (alive(r.pid) && r.adminToken) return { kind: 'service', url: r.url, token: r.adminToken };
  }
  const file =
    opts.indexerConfig ?? env.INDEXER_CONFIG ?? (devnet ? path.join(devnetIndexerDir(ctx), 'config.json') : undefined);
  if (!file || !existsSync(file)) {
    throw new ConfigError(`No indexer config${file ? ` at ${file}` : ''}`, {
      hint: 'Pass --indexer-config <file> (or INDEXER_CONFIG), or --indexer-url of a running indexer; on the devnet, npm start writes one',
    });
  }
  const config = loadConfig(file);
  const db = databaseOptions(config, env);
  return { kind: 'direct', config, db, open: () => openDatabase(db) };
}

async function admin<T>(target: Extract<Target, { kind: 'service' }>, op: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${target.url}/admin/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(600_000),
    });
  } catch {
    throw new NetworkError(`The indexer at ${target.url} does not answer`, {
      hint: 'Is it running? Without it, pass --indexer-config',
    });
  }
  const json = (await res.json()) as T & { error?: string };
  if (res.status >= 400) {
    const Err = res.status < 500 ? InputError : NetworkError;
    throw new Err(`The indexer refused ${op}: ${json.error ?? res.status}`);
  }
  return json;
}

async function direct<T>(target: Extract<Target, { kind: 'direct' }>, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = await target.open();
  try {
    return await fn(sql);
  } finally {
    await sql.close();
  }
}

const withTarget = (c: Command) =>
  c
    .option('--indexer-config <file>', "the indexer's config file (default on the devnet: npm start's)")
    .option('--indexer-url <url>', 'a running indexer to ask (admin token: INDEXER_ADMIN_TOKEN)');

export function registerDbCommands(program: Command, rt: Runtime): void {
  const db = program
    .command('db')
    .description("the indexer's database: backup, restore, verify against the chain, replay (RP-003)");
  const backupsDir = (ctx: BaseContext, opts: DbOptions) =>
    path.resolve(opts.backupsDir ?? path.join(ctx.stateDir, 'indexer-backups', ctx.options.network));

  withExamples(
    withTarget(db.command('backup').description('back up every table (manifest with cursors, counts, checksum)'))
      .option('--backups-dir <dir>', 'where backups are kept (default <state>/indexer-backups/<network>)')
      .action(async (opts: DbOptions, cmd: Command) => {
        const ctx = rt.base(cmd);
        const target = resolveTarget(ctx, opts);
        const dir = backupsDir(ctx, opts);
        const manifest =
          target.kind === 'service'
            ? await admin<BackupManifest>(target, 'backup', { backupsDir: dir })
            : await direct(target, (sql) => createBackup(sql, dir));
        ctx.output.result({ backup: manifest, dir }, () =>
          [
            `backup ${manifest.id} in ${dir}`,
            table(
              ['chain', 'cursor block', 'events'],
              manifest.chains.map((c) => [`${c.name} (${c.chainId})`, String(c.cursorBlock ?? '-'), String(c.events)]),
            ),
          ].join('\n'),
        );
      }),
    ['pil db backup', 'pil db backup --network mainnet --indexer-config indexer.json'],
  );

  withExamples(
    db
      .command('backups')
      .description('the backups kept, oldest first')
      .option('--backups-dir <dir>', 'where backups are kept')
      .action(async (opts: DbOptions, cmd: Command) => {
        const ctx = rt.base(cmd);
        const all = listBackups(backupsDir(ctx, opts));
        ctx.output.result({ backups: all }, () =>
          table(
            ['id', 'created', 'events', 'database'],
            all.map((b) => [b.id, b.createdAt, String(b.rows.events), b.database]),
          ),
        );
      }),
    ['pil db backups'],
  );

  withExamples(
    withTarget(
      db
        .command('restore')
        .description('replace the database with a backup (checksum and schema checked first; all or nothing)'),
    )
      .requiredOption('--backup-id <id>', 'a backup id from pil db backups')
      .option('--backups-dir <dir>', 'where backups are kept')
      .action(async (opts: DbOptions & { backupId: string }, cmd: Command) => {
        const ctx = rt.base(cmd);
        const target = resolveTarget(ctx, opts);
        const dir = backupsDir(ctx, opts);
        const manifest = await (target.kind === 'service'
          ? admin<BackupManifest>(target, 'restore', { backupsDir: dir, id: opts.backupId })
          : direct(target, (sql) => restoreBackup(sql, dir, opts.backupId))
        ).catch((err: Error) => {
          if (err.name === 'BackupError') throw new InputError(err.message);
          throw err;
        });
        ctx.output.result(
          { restored: manifest },
          () =>
            `restored ${manifest.id} (${manifest.rows.events} events); the indexer continues from the backup's cursors`,
        );
      }),
    ['pil db restore --backup-id backup-20261128T120000Z'],
  );

  withExamples(
    withTarget(
      db.command('verify').description('compare every stored event with the chain (exit 8 on a difference)'),
    ).action(async (opts: DbOptions, cmd: Command) => {
      const ctx = rt.base(cmd);
      const target = resolveTarget(ctx, opts);
      const results =
        target.kind === 'service'
          ? (await admin<{ chains: VerifyResult[] }>(target, 'verify', {})).chains
          : await direct(target, (sql) => Promise.all(indexedChains(target.config).map((c) => verifyChain(sql, c))));
      ctx.output.result({ ok: results.every((r) => r.ok), chains: results }, () =>
        table(
          ['chain', 'cursor', 'indexed', 'on chain', 'missing', 'extra', 'cursor canonical', 'ok'],
          results.map((r) => [
            `${r.name} (${r.chainId})`,
            String(r.cursorBlock ?? '-'),
            String(r.indexed),
            String(r.onChain),
            String(r.missing.length),
            String(r.extra.length),
            r.canonical ? 'yes' : 'NO',
            r.ok ? 'yes' : 'NO',
          ]),
        ),
      );
      const bad = results.filter((r) => !r.ok);
      if (bad.length) {
        throw new CheckFailedError(`${bad.length} chain(s) differ from the database`, {
          details: bad
            .map((r) => `${r.name}: missing ${r.missing.join(', ') || '-'}; extra ${r.extra.join(', ') || '-'}`)
            .join('\n'),
          hint: 'pil db replay --from-block <n> re-indexes from a block',
        });
      }
    }),
    ['pil db verify', 'pil db verify --network mainnet --indexer-config indexer.json'],
  );

  withExamples(
    withTarget(
      db.command('replay').description('delete what is stored from a block on and index it again from the chain'),
    )
      .requiredOption('--from-block <n>', 'the first block to index again')
      .option('--chain <id>', 'one chain only (default: every chain of the indexer)')
      .action(async (opts: DbOptions & { fromBlock: string; chain?: string }, cmd: Command) => {
        const ctx = rt.base(cmd);
        if (!/^\d+$/.test(opts.fromBlock))
          throw new InputError(`--from-block must be a block number, not "${opts.fromBlock.slice(0, 20)}"`);
        const target = resolveTarget(ctx, opts);
        const chainId = opts.chain === undefined ? undefined : Number(opts.chain);
        const body = { fromBlock: opts.fromBlock, ...(chainId === undefined ? {} : { chainId }) };
        const replayed =
          target.kind === 'service'
            ? (await admin<{ chains: { chainId: number; events: number; to: string }[] }>(target, 'replay', body))
                .chains
            : await direct(target, (sql) =>
                replayChains(sql, indexedChains(target.config), BigInt(opts.fromBlock), chainId).catch((err: Error) => {
                  throw new InputError(err.message);
                }),
              );
        ctx.output.result({ chains: replayed }, () =>
          replayed.map((r) => `chain ${r.chainId}: ${r.events} events indexed again up to block ${r.to}`).join('\n'),
        );
      }),
    [
      'pil db replay --from-block 1200',
      'pil db replay --from-block 19000000 --chain 1 --network mainnet --indexer-config indexer.json',
    ],
  );
}
