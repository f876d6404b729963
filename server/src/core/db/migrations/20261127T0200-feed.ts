import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/** The news feed: posts and their versions, attachments, comments, reactions, follows, saves, reports, hashtags, confirmations. */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    // profile (every employee, on the author's timeline), group, company (announcement to all employees)
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text')
    .addColumn('shared_post_id', 'text')
    // JSON: the preview card of the first link (title, description, site, image), fetched through the SSRF guard.
    .addColumn('link_preview', 'text')
    .addColumn('announcement', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requires_confirmation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('featured_until', 'text')
    .addColumn('comments_disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  // Keyset pages: ids are time-ordered (UUIDv7), so "newest first" is "id descending" within each audience.
  await db.schema.createIndex('posts_group_idx').on('posts').columns(['group_id', 'id']).execute();
  await db.schema.createIndex('posts_author_idx').on('posts').columns(['author_id', 'audience', 'id']).execute();
  await db.schema.createIndex('posts_audience_idx').on('posts').columns(['audience', 'id']).execute();
  await db.schema.createIndex('posts_shared_idx').on('posts').column('shared_post_id').execute();

  await db.schema
    .createTable('post_versions')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_versions_post_idx').on('post_versions').columns(['post_id', 'edited_at']).execute();

  await db.schema
    .createTable('post_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.references('posts.id').onDelete('cascade'))
    .addColumn('uploader_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_attachments_post_idx').on('post_attachments').columns(['post_id', 'position']).execute();

  await db.schema
    .createTable('post_hashtags')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_hashtags_pk', ['post_id', 'tag'])
    .execute();
  await db.schema.createIndex('post_hashtags_tag_idx').on('post_hashtags').columns(['tag', 'post_id']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('parent_id', 'text')
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('comments_post_idx').on('comments').columns(['post_id', 'parent_id', 'id']).execute();

  // One reaction per person and post or comment.
  await db.schema
    .createTable('reactions')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reactions_pk', ['subject_type', 'subject_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('follows')
    .addColumn('follower_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['follower_id', 'target_type', 'target'])
    .execute();
  await db.schema.createIndex('follows_target_idx').on('follows').columns(['target_type', 'target']).execute();

  await db.schema
    .createTable('saved_posts')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('saved_posts_pk', ['user_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('post_confirmations')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_confirmations_pk', ['post_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('post_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('reporter_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_reports_status_idx').on('post_reports').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  for (const table of [
    'post_reports',
    'post_confirmations',
    'saved_posts',
    'follows',
    'reactions',
    'comments',
    'post_hashtags',
    'post_attachments',
    'post_versions',
    'posts',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
