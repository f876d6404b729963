import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/** Notifications: the bell's rows (grouped), which events they came from, and each person's settings. */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    // Events with the same key fold into one unread row ("Anna and 3 others reacted to your post").
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('detail', 'text')
    // JSON array of the distinct people behind it, latest first (at most 50).
    .addColumn('actor_ids', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'text')
    // E-mail: when the last one went out for this row, and when the next (debounced) one is due.
    .addColumn('emailed_at', 'text')
    .addColumn('email_due_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'updated_at', 'id']).execute();
  // One unread row per person and key: grouping updates it instead of adding rows.
  await sql`create unique index notifications_unread_key on notifications (user_id, group_key) where read_at is null`.execute(db);

  // Which events reached whom: a fan-out job that runs twice changes nothing.
  await db.schema
    .createTable('notification_receipts')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_receipts_pk', ['event_id', 'user_id'])
    .execute();

  // Per person: per type (scope '') or per group (scope = group id, type 'group_post'): channels.
  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('in_app', 'integer')
    .addColumn('email', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_settings_pk', ['user_id', 'type', 'scope'])
    .execute();
  await db.schema.alterTable('users').addColumn('email_paused_until', 'text').execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('users').dropColumn('email_paused_until').execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('notification_receipts').execute();
  await db.schema.dropTable('notifications').execute();
}
