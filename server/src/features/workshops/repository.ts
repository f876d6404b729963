import type { Selectable } from 'kysely';
import type { Executor } from '../../core/db/index.js';
import type { WorkshopEntriesTable, WorkshopParticipantsTable, WorkshopScenariosTable, WorkshopSessionsTable } from './tables.js';

export type ScenarioRow = Selectable<WorkshopScenariosTable>;
export type SessionRow = Selectable<WorkshopSessionsTable>;
export type ParticipantRow = Selectable<WorkshopParticipantsTable>;
export type EntryRow = Selectable<WorkshopEntriesTable>;

export async function findScenario(db: Executor, id: string): Promise<ScenarioRow | undefined> {
  return db.selectFrom('workshop_scenarios').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Custom scenarios the user may read (their own, and shared ones), newest change first, after the keyset cursor. */
export async function visibleScenarios(db: Executor, userId: string, limit: number, after?: [string, string]): Promise<ScenarioRow[]> {
  let q = db
    .selectFrom('workshop_scenarios')
    .selectAll()
    .where((eb) => eb.or([eb('author_id', '=', userId), eb('shared', '=', 1)]));
  if (after) q = q.where((eb) => eb.or([eb('updated_at', '<', after[0]), eb.and([eb('updated_at', '=', after[0]), eb('id', '<', after[1])])]));
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('workshop_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function participantsOf(db: Executor, sessionIds: readonly string[]): Promise<ParticipantRow[]> {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('workshop_participants')
    .selectAll()
    .where('session_id', 'in', [...new Set(sessionIds)])
    .orderBy('session_id')
    .orderBy('role_key')
    .orderBy('user_id')
    .execute();
}

/** The sessions a user runs or takes part in, newest first, after the keyset cursor. */
export async function sessionsOf(
  db: Executor,
  userId: string | null,
  q: { state?: SessionRow['state']; limit: number; after?: [string, string] },
): Promise<SessionRow[]> {
  let query = db.selectFrom('workshop_sessions').selectAll();
  if (userId !== null) {
    query = query.where((eb) =>
      eb.or([eb('facilitator_id', '=', userId), eb('id', 'in', eb.selectFrom('workshop_participants').select('session_id').where('user_id', '=', userId))]),
    );
  }
  if (q.state) query = query.where('state', '=', q.state);
  const after = q.after;
  if (after) query = query.where((eb) => eb.or([eb('created_at', '<', after[0]), eb.and([eb('created_at', '=', after[0]), eb('id', '<', after[1])])]));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

/** The transcript in order (ids are time-ordered UUIDv7). */
export async function entriesOf(db: Executor, sessionId: string): Promise<EntryRow[]> {
  return db.selectFrom('workshop_entries').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
}

export async function findEntry(db: Executor, sessionId: string, id: string): Promise<EntryRow | undefined> {
  return db.selectFrom('workshop_entries').selectAll().where('session_id', '=', sessionId).where('id', '=', id).executeTakeFirst();
}

/** Sessions a user should hear of live: not ended, or ended within the last week (the debrief). */
export async function liveSessionIdsOf(db: Executor, userId: string, endedSince: string): Promise<string[]> {
  const rows = await db
    .selectFrom('workshop_sessions')
    .select('id')
    .where((eb) =>
      eb.and([
        eb.or([eb('facilitator_id', '=', userId), eb('id', 'in', eb.selectFrom('workshop_participants').select('session_id').where('user_id', '=', userId))]),
        eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', endedSince)]),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}
