import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/** Reply counts look comments up by their parent: without this index every feed page scanned the comments. */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.createIndex('comments_parent_idx').on('comments').columns(['parent_id', 'deleted_at']).execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.dropIndex('comments_parent_idx').execute();
}
