import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import type { Db } from './index.js';
import { migrations } from './migrations/index.js';

function migrator(db: Db): Migrator {
  const ctx = { dialect: db.dialect };
  const bound = Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [name, { up: (k: Kysely<unknown>) => m.up(k, ctx), down: (k: Kysely<unknown>) => m.down(k, ctx) }]),
  );
  return new Migrator({
    db: db.db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => bound },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error;
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}: ${r.status}`);
}

/** Brings the schema up to date. Safe to call from several instances at once (Kysely takes a lock). */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return check(await migrator(db).migrateToLatest());
}

/** Undoes every migration (tests and `innenhof migrate --down-all` only). */
export async function migrateDownAll(db: Db): Promise<string[]> {
  const { NO_MIGRATIONS } = await import('kysely');
  return check(await migrator(db).migrateTo(NO_MIGRATIONS));
}
