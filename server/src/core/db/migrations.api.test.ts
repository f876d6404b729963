import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgTestDb, testDialect } from '../../../test/db.js';
import { buildConfig } from '../../config/config.js';
import { type Db, openDb } from './index.js';
import { migrateDownAll, migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

async function tables(db: Db): Promise<string[]> {
  const names = (await db.db.introspection.getTables()).map((t) => t.name);
  return names.filter((n) => !n.startsWith('people_fts_') && !n.startsWith('sqlite_')).sort();
}

describe(`migrations on ${testDialect}`, () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (testDialect === 'pg') {
      // An empty database (not the migrated template).
      const { withAdmin, pgUrlFor } = await import('../../../test/db.js');
      const name = `innenhof_mig_${Date.now()}`;
      await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
      db = openDb(buildConfig({ DATABASE_URL: pgUrlFor(name), INNENHOF_SECRET: 'x'.repeat(64) }).db);
      cleanup = async () => {
        await db.close();
        await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innenhof-mig-'));
      db = openDb({ dialect: 'sqlite', file: path.join(dir, 'db.sqlite') });
      cleanup = async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      };
    }
    void createPgTestDb;
  });
  afterAll(async () => {
    await cleanup();
  });

  it('migrates up, down and up again, ending with the same schema', async () => {
    const up1 = await migrateToLatest(db);
    expect(up1).toHaveLength(Object.keys(migrations).length);
    const first = await tables(db);
    expect(first).toEqual(
      expect.arrayContaining(['users', 'sessions', 'accounts', 'verifications', 'invitations', 'outbox_events', 'jobs', 'mail_messages', 'people_fts']),
    );

    await migrateDownAll(db);
    expect((await tables(db)).filter((n) => !n.startsWith('schema_migrations'))).toEqual([]);

    await migrateToLatest(db);
    expect(await tables(db)).toEqual(first);
    // Running again is a no-op (start-up runs it every time).
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('declares what the code expects: every column the repositories use exists', async () => {
    const meta = await db.db.introspection.getTables();
    const cols = (t: string) => meta.find((m) => m.name === t)?.columns.map((c) => c.name) ?? [];
    expect(cols('users')).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'sort_name',
        'email',
        'role',
        'status',
        'manager_id',
        'avatar_file_id',
        'cover_file_id',
        'skills',
        'locale',
        'theme',
      ]),
    );
    expect(cols('sessions')).toEqual(expect.arrayContaining(['id', 'token', 'user_id', 'expires_at', 'ip_address', 'user_agent']));
    await sql`SELECT 1`.execute(db.db);
  });
});
