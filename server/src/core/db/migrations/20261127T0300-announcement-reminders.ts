import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/** Announcements: when the readers who had not confirmed were last reminded (one reminder an hour). */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('posts').addColumn('reminded_at', 'text').execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('posts').dropColumn('reminded_at').execute();
}
