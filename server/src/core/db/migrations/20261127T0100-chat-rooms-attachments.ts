import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/**
 * Chat, second part: workgroup chat rooms, group-chat photos, mute and "mark unread", mentions,
 * system lines, attachments and reactions.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  // A workgroup has at most one chat room; it goes with the group.
  await db.schema
    .alterTable('conversations')
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('conversations_group_idx').on('conversations').column('group_id').unique().execute();
  await db.schema.alterTable('conversations').addColumn('photo_id', 'text').execute();

  await db.schema
    .alterTable('conversation_members')
    .addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('conversation_members')
    .addColumn('marked_unread', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // JSON: the ids of the people mentioned; the system line's details.
  await db.schema.alterTable('messages').addColumn('mentions', 'text').execute();
  await db.schema.alterTable('messages').addColumn('system', 'text').execute();

  await db.schema
    .createTable('message_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    // Null while uploaded but not yet sent.
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('cascade'))
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
  await db.schema.createIndex('message_attachments_message_idx').on('message_attachments').columns(['message_id', 'position']).execute();
  await db.schema.createIndex('message_attachments_conversation_idx').on('message_attachments').column('conversation_id').execute();

  await db.schema
    .createTable('message_reactions')
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('emoji', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_reactions_pk', ['message_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.dropTable('message_reactions').ifExists().execute();
  await db.schema.dropTable('message_attachments').ifExists().execute();
  await db.schema.alterTable('messages').dropColumn('system').execute();
  await db.schema.alterTable('messages').dropColumn('mentions').execute();
  await db.schema.alterTable('conversation_members').dropColumn('marked_unread').execute();
  await db.schema.alterTable('conversation_members').dropColumn('muted').execute();
  await db.schema.alterTable('conversations').dropColumn('photo_id').execute();
  await db.schema.dropIndex('conversations_group_idx').ifExists().execute();
  await db.schema.alterTable('conversations').dropColumn('group_id').execute();
}
