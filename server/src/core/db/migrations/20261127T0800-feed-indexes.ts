import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/**
 * Reply counts look comments up by their parent, and the home feed's featured announcements are found by
 * their date: without these indexes every feed page scanned the comments and the posts.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.createIndex('comments_parent_idx').on('comments').columns(['parent_id', 'deleted_at']).execute();
  await db.schema.createIndex('posts_featured_idx').on('posts').columns(['announcement', 'featured_until']).execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.dropIndex('posts_featured_idx').execute();
  await db.schema.dropIndex('comments_parent_idx').execute();
}
