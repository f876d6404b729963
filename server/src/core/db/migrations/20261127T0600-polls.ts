import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/**
 * Polls and date polls (docs/polls.md). A poll belongs to one post. Named votes keep the voter; anonymous
 * ballots keep only an HMAC of (poll, voter) — no user id, no timestamp, no time-ordered id — and on
 * SQLite are stored WITHOUT ROWID, so their storage order is the ballot hash, not the order of voting.
 */
export async function up(db: Kysely<unknown>, { dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('polls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().unique().references('posts.id').onDelete('cascade'))
    // choice | date
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('multiple', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_choices', 'integer')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    // always | after_vote | after_close
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('allow_add_options', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deadline', 'text')
    .addColumn('reminder_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('poll_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('added_by_member', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('poll_options_poll_idx').on('poll_options').columns(['poll_id', 'position']).execute();

  // Named polls: who chose what (date polls: the answer per slot).
  await db.schema
    .createTable('poll_votes')
    .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('option_id', 'text', (c) => c.notNull().references('poll_options.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('answer', 'text')
    .addPrimaryKeyConstraint('poll_votes_pk', ['poll_id', 'user_id', 'option_id'])
    .execute();

  // Every poll: who has voted (prevents double voting, tells whom to remind). Never what they chose.
  const participants = db.schema
    .createTable('poll_participants')
    .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('poll_participants_pk', ['poll_id', 'user_id']);
  await (dialect === 'sqlite' ? participants.modifyEnd(sql`without rowid`) : participants).execute();

  // Anonymous polls: the choices, keyed by ballot = HMAC-SHA256(server secret, poll id + voter id).
  const ballots = db.schema
    .createTable('poll_ballots')
    .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('ballot', 'text', (c) => c.notNull())
    .addColumn('option_id', 'text', (c) => c.notNull().references('poll_options.id').onDelete('cascade'))
    .addColumn('answer', 'text')
    .addPrimaryKeyConstraint('poll_ballots_pk', ['poll_id', 'ballot', 'option_id']);
  await (dialect === 'sqlite' ? ballots.modifyEnd(sql`without rowid`) : ballots).execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.dropTable('poll_ballots').execute();
  await db.schema.dropTable('poll_participants').execute();
  await db.schema.dropTable('poll_votes').execute();
  await db.schema.dropTable('poll_options').execute();
  await db.schema.dropTable('polls').execute();
}
