import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/**
 * The pinned posts above a group feed and a profile (`pinned_at is not null`, up to 3) were found by reading
 * every post of the group or person and filtering: a group with 1,600 posts read 640 heap pages on every
 * group feed page, though almost no post is pinned. Partial indexes hold only the pinned posts (both
 * dialects support them), so the lookup reads a handful of entries however large the group grows.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.createIndex('posts_group_pinned_idx').on('posts').columns(['group_id', 'pinned_at']).where('pinned_at', 'is not', null).execute();
  await db.schema.createIndex('posts_author_pinned_idx').on('posts').columns(['author_id', 'pinned_at']).where('pinned_at', 'is not', null).execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.dropIndex('posts_author_pinned_idx').execute();
  await db.schema.dropIndex('posts_group_pinned_idx').execute();
}
