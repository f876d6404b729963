import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/**
 * Events: start/end both as UTC instants and as local wall-clock times in an IANA zone (recurrences expand
 * in local time, so DST never moves them); invitees; per-occurrence overrides; RSVPs per occurrence
 * (waiting list ordered by answered_at); reminder claims (one per occurrence, across instances); calendar feed tokens.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organizer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // group | company | invited
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(0))
    // local wall-clock: 2026-12-04T12:00 (all-day: 2026-12-04, end inclusive)
    .addColumn('start_local', 'text', (c) => c.notNull())
    .addColumn('end_local', 'text', (c) => c.notNull())
    // UTC instants of the (first) occurrence
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('recurrence', 'text')
    // UTC end of the last occurrence (null: unbounded or not recurring → ends_at)
    .addColumn('series_ends_at', 'text')
    .addColumn('location', 'text')
    .addColumn('online_url', 'text')
    .addColumn('cover_file_id', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('reminder_minutes', 'integer')
    .addColumn('post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('poll_id', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_starts_idx').on('events').columns(['starts_at', 'id']).execute();
  await db.schema.createIndex('events_group_idx').on('events').columns(['group_id', 'starts_at']).execute();
  await db.schema.createIndex('events_organizer_idx').on('events').columns(['organizer_id', 'starts_at']).execute();
  await db.schema.createIndex('events_post_idx').on('events').column('post_id').execute();

  await db.schema
    .createTable('event_invitees')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_invitees_pk', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('event_invitees_user_idx').on('event_invitees').columns(['user_id', 'event_id']).execute();

  // "Edit this occurrence": moved, retitled or cancelled occurrences of a recurring event.
  await db.schema
    .createTable('event_overrides')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // the occurrence's original start (UTC ISO)
    .addColumn('occurrence', 'text', (c) => c.notNull())
    .addColumn('start_local', 'text')
    .addColumn('end_local', 'text')
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('title', 'text')
    .addColumn('description', 'text')
    .addColumn('location', 'text')
    .addColumn('online_url', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_overrides_pk', ['event_id', 'occurrence'])
    .execute();

  await db.schema
    .createTable('event_rsvps')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('occurrence', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // going | maybe | declined | waiting
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_rsvps_pk', ['event_id', 'occurrence', 'user_id'])
    .execute();
  await db.schema.createIndex('event_rsvps_status_idx').on('event_rsvps').columns(['event_id', 'occurrence', 'status', 'answered_at']).execute();
  await db.schema.createIndex('event_rsvps_user_idx').on('event_rsvps').columns(['user_id', 'status']).execute();

  // One reminder per occurrence, claimed by whichever instance gets there first.
  await db.schema
    .createTable('event_reminders')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('occurrence', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_reminders_pk', ['event_id', 'occurrence'])
    .execute();

  // Personal calendar feed: the token is an HMAC of `nonce` under the server's secret; only its SHA-256 is
  // kept, so the database alone never yields a working URL.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('event_reminders').execute();
  await db.schema.dropTable('event_rsvps').execute();
  await db.schema.dropTable('event_overrides').execute();
  await db.schema.dropTable('event_invitees').execute();
  await db.schema.dropTable('events').execute();
}
