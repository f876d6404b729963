import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DbConfig } from '../../config/config.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'pg';
export type Executor = Kysely<Database> | Transaction<Database>;

/** A transaction with hooks that run only after it committed. */
export interface Tx {
  db: Transaction<Database>;
  dialect: Dialect;
  onCommit(hook: () => void): void;
}

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * Runs `fn` in one transaction; commit hooks fire after commit, never after a rollback.
   * Retries when SQLite reports the database busy (another process holding the write lock).
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// pg returns int8 and count(*) as strings by default.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === '40001' || code === '40P01';
}

/** Opens the database named by the configuration: a SQLite file (WAL) or a PostgreSQL pool. */
export function openDb(config: DbConfig, options: { poolSize?: number } = {}): Db {
  let kysely: Kysely<Database>;
  if (config.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  } else {
    const pool = new pg.Pool({ connectionString: config.url, max: options.poolSize ?? 10 });
    kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const dialect: Dialect = config.dialect;

  return {
    db: kysely,
    dialect,
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        const hooks: Array<() => void> = [];
        try {
          const result = await kysely.transaction().execute((trx) => fn({ db: trx, dialect, onCommit: (h) => hooks.push(h) }));
          for (const hook of hooks) hook();
          return result;
        } catch (err) {
          if (attempt < 5 && isBusy(err)) {
            await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
            continue;
          }
          throw err;
        }
      }
    },
    close: () => kysely.destroy(),
  };
}
