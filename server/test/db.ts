import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** Which database the API tests run on: TEST_DB=sqlite (default) or TEST_DB=pg. */
export const testDialect: 'sqlite' | 'pg' = process.env.TEST_DB === 'pg' ? 'pg' : 'sqlite';

/** The maintenance connection used to create and drop per-file test databases. */
export const pgAdminUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function pgUrlFor(database: string): string {
  const u = new URL(pgAdminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database cloned from the migrated template (fast: no migrations per file). */
export async function createPgTestDb(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `innenhof_t_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`));
  return {
    url: pgUrlFor(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
