import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

// Frozen history: never import app code here, never edit after release.

/**
 * Role-play workshops: custom scenarios (the definition as JSON; built-in ones ship with the code), sessions
 * with a frozen snapshot of their scenario, participants by role, the transcript (stage messages, injects,
 * exercise escalations, state changes) with real and simulated time, and the evaluation (scores, comments).
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('workshop_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    // de | en: the language the scenario is written in
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    // the scenario definition (JSON)
    .addColumn('definition', 'text', (c) => c.notNull())
    // `builtin:<key>` or a custom scenario's id when made by copying
    .addColumn('copied_from', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshop_scenarios_author_idx').on('workshop_scenarios').columns(['author_id', 'updated_at']).execute();
  await db.schema.createIndex('workshop_scenarios_shared_idx').on('workshop_scenarios').columns(['shared', 'updated_at']).execute();

  await db.schema
    .createTable('workshop_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // `builtin:<key>` or a custom scenario's id (not a foreign key: the snapshot is what the session runs)
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('facilitator_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // the scenario definition as it was when the session was created (JSON)
    .addColumn('snapshot', 'text', (c) => c.notNull())
    // draft | running | paused | ended
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    // the simulated clock: it showed `sim_anchor` (UTC ISO) at the real time `sim_anchor_real_at`; it runs
    // with real time while the session runs and stands still (anchor_real_at null) otherwise
    .addColumn('sim_anchor', 'text')
    .addColumn('sim_anchor_real_at', 'text')
    // role swap: the session this one is a new round of
    .addColumn('previous_session_id', 'text', (c) => c.references('workshop_sessions.id').onDelete('set null'))
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    // participants may score each other (peer assessment), not only the facilitator and themselves
    .addColumn('peer_scoring', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshop_sessions_facilitator_idx').on('workshop_sessions').columns(['facilitator_id', 'created_at']).execute();
  await db.schema.createIndex('workshop_sessions_created_idx').on('workshop_sessions').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('workshop_participants')
    .addColumn('session_id', 'text', (c) => c.notNull().references('workshop_sessions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_participants_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema.createIndex('workshop_participants_user_idx').on('workshop_participants').columns(['user_id', 'session_id']).execute();

  await db.schema
    .createTable('workshop_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('workshop_sessions.id').onDelete('cascade'))
    // message | inject | escalation | state
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('role_key', 'text')
    // comment | reply | dm (messages)
    .addColumn('channel', 'text')
    .addColumn('parent_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    // injects: the scenario's inject id (null: written on the spot) and the one role it is meant for (null: everyone)
    .addColumn('inject_id', 'text')
    .addColumn('target_role_key', 'text')
    // escalations: { topicId, level, contactUserId, expectedContactUserId, … } (JSON) and whether it was right (null: not judged)
    .addColumn('data', 'text')
    .addColumn('correct', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('simulated_at', 'text')
    .execute();
  await db.schema.createIndex('workshop_entries_session_idx').on('workshop_entries').columns(['session_id', 'id']).execute();

  // Evaluation: one score per rater, rated role and rubric criterion (a new score replaces the old one).
  await db.schema
    .createTable('workshop_scores')
    .addColumn('session_id', 'text', (c) => c.notNull().references('workshop_sessions.id').onDelete('cascade'))
    .addColumn('rater_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('rated_role_key', 'text', (c) => c.notNull())
    .addColumn('criterion_key', 'text', (c) => c.notNull())
    // facilitator | peer | self
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_scores_pk', ['session_id', 'rater_id', 'rated_role_key', 'criterion_key'])
    .execute();

  // Comments on individual stage messages (the debrief).
  await db.schema
    .createTable('workshop_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('workshop_sessions.id').onDelete('cascade'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('workshop_entries.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshop_comments_session_idx').on('workshop_comments').columns(['session_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.dropTable('workshop_comments').execute();
  await db.schema.dropTable('workshop_scores').execute();
  await db.schema.dropTable('workshop_entries').execute();
  await db.schema.dropTable('workshop_participants').execute();
  await db.schema.dropTable('workshop_sessions').execute();
  await db.schema.dropTable('workshop_scenarios').execute();
}
