import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/**
 * The escalation directory: topics of responsibility (hours, chain and out-of-hours rule as JSON, a
 * lower-cased `search_text` for case-insensitive search on both dialects), their versions, company
 * holidays, directory editors; urgent escalations and their step log.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('escalation_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON array of strings
    .addColumn('keywords', 'text', (c) => c.notNull())
    // lower-cased title, keywords and description
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('responsible_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('deputy_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    // JSON {mon: [{start, end}], …}
    .addColumn('business_hours', 'text', (c) => c.notNull())
    // JSON [{userId, condition}]
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('ack_timeout_minutes', 'integer', (c) => c.notNull())
    // JSON {kind: on_call|rota|next_business_day, …}
    .addColumn('out_of_hours', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalation_topics_title_idx').on('escalation_topics').columns(['archived_at', 'title', 'id']).execute();

  await db.schema
    .createTable('escalation_topic_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic_id', 'text', (c) => c.notNull().references('escalation_topics.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('summary', 'text', (c) => c.notNull())
    // JSON [{field, from, to}]
    .addColumn('changes', 'text', (c) => c.notNull())
    // JSON of the topic's stored fields after the change
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('escalation_topic_versions_uq', ['topic_id', 'version'])
    .execute();

  await db.schema
    .createTable('escalation_holidays')
    // YYYY-MM-DD
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('escalation_editors')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic_id', 'text', (c) => c.notNull().references('escalation_topics.id').onDelete('cascade'))
    .addColumn('raiser_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('message', 'text', (c) => c.notNull())
    // open | acknowledged | unacknowledged_at_top
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    // JSON array: the person of each level, fixed when raised (level 1 = the contact then)
    .addColumn('chain_ids', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('out_of_hours', 'integer', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('next_opening', 'text')
    .addColumn('escalates_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('conversation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalations_due_idx').on('escalations').columns(['status', 'escalates_at']).execute();
  await db.schema.createIndex('escalations_raiser_idx').on('escalations').columns(['raiser_id', 'created_at']).execute();
  await db.schema.createIndex('escalations_topic_idx').on('escalations').columns(['topic_id', 'created_at']).execute();

  await db.schema
    .createTable('escalation_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('escalation_id', 'text', (c) => c.notNull().references('escalations.id').onDelete('cascade'))
    // raised | notified | escalated | acknowledged | unacknowledged_at_top
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalation_steps_escalation_idx').on('escalation_steps').columns(['escalation_id', 'at']).execute();
  await db.schema.createIndex('escalation_steps_user_idx').on('escalation_steps').columns(['user_id', 'kind', 'escalation_id']).execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.dropTable('escalation_steps').execute();
  await db.schema.dropTable('escalations').execute();
  await db.schema.dropTable('escalation_editors').execute();
  await db.schema.dropTable('escalation_holidays').execute();
  await db.schema.dropTable('escalation_topic_versions').execute();
  await db.schema.dropTable('escalation_topics').execute();
}
