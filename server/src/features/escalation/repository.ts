import type { Selectable } from 'kysely';
import type { Executor } from '../../core/db/index.js';
import type { EscalationHolidaysTable, EscalationStepsTable, EscalationsTable, EscalationTopicsTable, EscalationTopicVersionsTable } from './tables.js';

export type TopicRow = Selectable<EscalationTopicsTable>;
export type VersionRow = Selectable<EscalationTopicVersionsTable>;
export type EscalationRow = Selectable<EscalationsTable>;
export type StepRow = Selectable<EscalationStepsTable>;
export type HolidayRow = Selectable<EscalationHolidaysTable>;

export async function findTopic(db: Executor, id: string): Promise<TopicRow | undefined> {
  return db.selectFrom('escalation_topics').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTopics(db: Executor, ids: readonly string[]): Promise<Map<string, TopicRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('escalation_topics').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * One keyset page of topics by title (limit + 1 rows). `tokens`: every one must occur in the lower-cased
 * search text (substring, so "beschwerde" finds "Kundenbeschwerde"; tokens are letters and digits only).
 */
export async function listTopics(
  db: Executor,
  q: { archived: boolean; tokens: string[]; after?: { title: string; id: string }; limit: number },
): Promise<TopicRow[]> {
  let query = db
    .selectFrom('escalation_topics')
    .selectAll()
    .where('archived_at', q.archived ? 'is not' : 'is', null);
  for (const t of q.tokens) query = query.where('search_text', 'like', `%${t}%`);
  if (q.after) {
    const { title, id } = q.after;
    query = query.where((eb) => eb.or([eb('title', '>', title), eb.and([eb('title', '=', title), eb('id', '>', id)])]));
  }
  return query
    .orderBy('title')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

export async function holidays(db: Executor): Promise<HolidayRow[]> {
  return db.selectFrom('escalation_holidays').selectAll().orderBy('date').execute();
}

export async function isEditor(db: Executor, userId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('escalation_editors').select('user_id').where('user_id', '=', userId).executeTakeFirst());
}

export async function editorIds(db: Executor): Promise<string[]> {
  return (await db.selectFrom('escalation_editors').select('user_id').orderBy('added_at').execute()).map((r) => r.user_id);
}

export async function findEscalation(db: Executor, id: string): Promise<EscalationRow | undefined> {
  return db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function stepsOf(db: Executor, ids: readonly string[]): Promise<Map<string, StepRow[]>> {
  const out = new Map<string, StepRow[]>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('escalation_steps').selectAll().where('escalation_id', 'in', ids).orderBy('at').orderBy('id').execute();
  for (const r of rows) out.set(r.escalation_id, [...(out.get(r.escalation_id) ?? []), r]);
  return out;
}

/** Open escalations whose timeout has passed at `at`. */
export async function dueEscalationIds(db: Executor, at: string): Promise<string[]> {
  const rows = await db.selectFrom('escalations').select('id').where('status', '=', 'open').where('escalates_at', '<=', at).orderBy('escalates_at').execute();
  return rows.map((r) => r.id);
}
