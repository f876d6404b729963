import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DbConfig } from '../../config/config.js';
import { logger } from '../logger.js';
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

/**
 * Kysely's SQLite driver prepares every statement anew on each query; preparing is a large share of a
 * short query's cost. Statements are keyed by their SQL text (parameters are bound per call), so a small
 * LRU of prepared statements serves every repeated query.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string) {
      let stmt = cache.get(source);
      if (stmt) {
        cache.delete(source);
      } else {
        stmt = sqlite.prepare(source);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(source, stmt);
      return stmt;
    },
  };
}

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
    kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  } else {
    // Idle connections stay open for minutes, not pg's default 10 s: a new connection costs a backend process
    // and its first statements re-read the catalog (planning the home feed took 5 ms on a fresh backend,
    // 1.3 ms on a warm one), so closing them between bursts of requests made every burst pay that again.
    const pool = new pg.Pool({ connectionString: config.url, max: options.poolSize ?? 10, idleTimeoutMillis: 5 * 60_000 });
    // An idle connection that drops (database restart, network) must not crash the process: the pool replaces it.
    pool.on('error', (err) => logger('db').warn({ err }, 'idle PostgreSQL connection failed'));
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
