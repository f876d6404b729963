import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/** E-mail digests: each person's time zone, the local day of their last digest, and which rows went into one. */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('users').addColumn('time_zone', 'text').execute();
  await db.schema.alterTable('users').addColumn('digest_sent_on', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('digested_at', 'text').execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('digested_at').execute();
  await db.schema.alterTable('users').dropColumn('digest_sent_on').execute();
  await db.schema.alterTable('users').dropColumn('time_zone').execute();
}
