/**
 * The indexer's database: PGlite (embedded PostgreSQL in WASM, the default: a folder) or
 * PostgreSQL (`DATABASE_URL`), behind one small interface so the same SQL runs on both.
 * Opening migrates the schema (numbered, in a transaction).
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Sql {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction: all of it or nothing. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions = { url?: string | undefined; dataDir?: string | undefined };

/** The schema, one step a migration; never edit a released step, add one. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE chains (
     chain_id bigint PRIMARY KEY,
     name text NOT NULL,
     -- the last block fully indexed, and its hash (a reorg shows as a different hash there)
     cursor_block bigint,
     cursor_hash text
   );
   CREATE TABLE blocks (
     chain_id bigint NOT NULL,
     number bigint NOT NULL,
     hash text NOT NULL,
     timestamp bigint NOT NULL,
     PRIMARY KEY (chain_id, number)
   );
   CREATE TABLE events (
     chain_id bigint NOT NULL,
     block_number bigint NOT NULL,
     log_index integer NOT NULL,
     block_hash text NOT NULL,
     tx_hash text NOT NULL,
     address text NOT NULL,
     contract text NOT NULL,
     event_name text NOT NULL,
     args jsonb NOT NULL,
     PRIMARY KEY (chain_id, block_number, log_index)
   );
   CREATE INDEX events_by_name ON events (chain_id, event_name, block_number);`,
];

class PgliteSql implements Sql {
  readonly kind = 'pglite' as const;
  constructor(private readonly db: PGlite | Parameters<Parameters<PGlite['transaction']>[0]>[0]) {}
  async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query<T>(text, params)).rows;
  }
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    if (!(this.db instanceof PGlite)) return fn(this); // already inside one
    return this.db.transaction((tx) => fn(new PgliteSql(tx)));
  }
  async close(): Promise<void> {
    if (this.db instanceof PGlite) await this.db.close();
  }
}

class PostgresSql implements Sql {
  readonly kind = 'postgres' as const;
  constructor(
    private readonly pool: pg.Pool,
    private readonly client?: pg.PoolClient,
  ) {}
  async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await (this.client ?? this.pool).query(text, params)).rows as T[];
  }
  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.client) return fn(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresSql(this.pool, client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

export async function migrate(sql: Sql): Promise<number> {
  await sql.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY)');
  const [row] = await sql.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
  let version = row?.v ?? 0;
  for (; version < MIGRATIONS.length; version++) {
    await sql.transaction(async (tx) => {
      for (const statement of MIGRATIONS[version]!.split(';').filter((s) => s.trim())) await tx.query(statement);
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [version + 1]);
    });
  }
  return version;
}

/** Opens (creating and migrating) the database: PostgreSQL when `url` is set, else PGlite in `dataDir`. */
export async function openDatabase(options: DatabaseOptions): Promise<Sql> {
  let sql: Sql;
  if (options.url) {
    // bigint columns (block numbers, chain ids) as JS numbers, as PGlite returns them.
    const types = {
      getTypeParser: (oid: number, format?: string) =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format as never),
    };
    const pool = new pg.Pool({ connectionString: options.url, max: 4, types: types as never });
    // An idle connection dropped by the server (a restart) is replaced on the next query;
    // without a listener the pool's error event would end the process.
    pool.on('error', () => undefined);
    sql = new PostgresSql(pool);
  } else {
    if (!options.dataDir)
      throw new Error('The indexer database needs a data folder (database.dataDir) or DATABASE_URL');
    sql = new PgliteSql(await PGlite.create(options.dataDir));
  }
  await migrate(sql);
  return sql;
}
