import type {
  CreateEscalationTopic,
  DirectoryEditors,
  EscalationTopic,
  EscalationTopicPage,
  EscalationTopicsQuery,
  EscalationTopicVersion,
  Holidays,
  SetDirectoryEditors,
  UpdateEscalationTopic,
} from '@innenhof/contract';
import { DateTime } from 'luxon';
import { csvSafe } from '../../core/csv.js';
import type { Executor, Tx } from '../../core/db/index.js';
import { ConflictError, fieldError, ForbiddenError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { type Action, type Actor, authorize, can } from '../../core/policy/index.js';
import { searchTokens } from '../../core/search.js';
import type { AppContext } from '../../context.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import './policy.js';
import { presentTopics, presentVersions, topicFacts } from './presenter.js';
import * as repo from './repository.js';
import { chainText, columnsOf, diffTopics, hoursText, type NameOf, outOfHoursText, peopleOf, type StoredTopic, storedOf, validatedTopic } from './topics.js';

const NOT_FOUND = 'Topic';

/** The directory as a whole: 403 for who may not read it (guests), or archived topics without being an editor. */
function mayRead(actor: Actor, facts = { archived: false, editor: false }): void {
  if (!can(actor, 'escalationTopic.read', facts)) throw new ForbiddenError();
}

/** The actor's relation to the directory (editor appointed by an admin). */
export async function directoryFacts(db: Executor, actor: Actor): Promise<{ editor: boolean }> {
  return { editor: await repo.isEditor(db, actor.id) };
}

/** A topic the actor may see (else 404 as for a missing one), then `action` is checked (403). */
export async function loadTopic(db: Executor, actor: Actor, id: string, action: Action = 'escalationTopic.read'): Promise<repo.TopicRow> {
  const row = await repo.findTopic(db, id);
  const facts = row ? topicFacts(row, (await directoryFacts(db, actor)).editor) : null;
  authorize(actor, action as 'escalationTopic.read', facts, NOT_FOUND);
  return row as repo.TopicRow;
}

async function namesOf(db: Executor, topics: StoredTopic[]): Promise<NameOf> {
  const people = await users.findByIds(db, topics.flatMap(peopleOf));
  return (id) => (id ? (people.get(id)?.name ?? '(deleted)') : '');
}

async function addVersion(
  tx: Tx,
  topicId: string,
  version: number,
  authorId: string,
  at: string,
  snapshot: StoredTopic & { archived?: boolean },
  summary: string,
  changes: Array<{ field: string; from: string | null; to: string | null }>,
): Promise<void> {
  await tx.db
    .insertInto('escalation_topic_versions')
    .values({
      id: newId(),
      topic_id: topicId,
      version,
      author_id: authorId,
      summary,
      changes: JSON.stringify(changes),
      snapshot: JSON.stringify(snapshot),
      created_at: at,
    })
    .execute();
}

async function topicChanged(ctx: AppContext, tx: Tx, actorId: string, id: string): Promise<void> {
  await appendEvent(tx, { type: 'escalation_topic.changed', actorId, subjectId: id, payload: {} }, ctx.outbox);
}

/** Creates a topic (admins and directory editors); version 1 is stored with it. */
export async function createTopic(ctx: AppContext, actor: Actor, input: CreateEscalationTopic): Promise<EscalationTopic> {
  const db = ctx.db.db;
  authorize(actor, 'escalationTopics.create', await directoryFacts(db, actor));
  const t = await validatedTopic(db, input);
  const id = newId();
  const at = now();
  const name = await namesOf(db, [t]);
  await ctx.db.transaction(async (tx) => {
    await tx.db
      .insertInto('escalation_topics')
      .values({ id, ...columnsOf(t), version: 1, archived_at: null, created_by: actor.id, created_at: at, updated_at: at })
      .execute();
    const { changes } = diffTopics({ ...t, title: '', description: '', keywords: [], responsibleId: null, deputyId: null, chain: [] }, t, name);
    await addVersion(tx, id, 1, actor.id, at, t, 'Created', changes);
    await topicChanged(ctx, tx, actor.id, id);
  });
  return getTopic(ctx, actor, id);
}

/** Changes a topic; a version row records who changed which fields (nothing changed → no version). */
export async function updateTopic(ctx: AppContext, actor: Actor, id: string, input: UpdateEscalationTopic): Promise<EscalationTopic> {
  const db = ctx.db.db;
  const row = await loadTopic(db, actor, id, 'escalationTopic.update');
  const before = storedOf(row);
  const after = await validatedTopic(db, input, before);
  const name = await namesOf(db, [before, after]);
  const { changes, summary } = diffTopics(before, after, name);
  if (changes.length > 0) {
    const at = now();
    await ctx.db.transaction(async (tx) => {
      const r = await tx.db
        .updateTable('escalation_topics')
        .set({ ...columnsOf(after), version: row.version + 1, updated_at: at })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      // Two editors saving at once: the second is told to reload rather than silently overwriting.
      if (Number(r.numUpdatedRows) !== 1) throw new ConflictError('conflict', 'The topic was changed meanwhile; reload it');
      await addVersion(tx, id, row.version + 1, actor.id, at, after, summary, changes);
      await topicChanged(ctx, tx, actor.id, id);
    });
  }
  return getTopic(ctx, actor, id);
}

/** Archives (or restores) a topic: it leaves (or returns to) the directory; the change is a version too. */
export async function setArchived(ctx: AppContext, actor: Actor, id: string, archived: boolean): Promise<EscalationTopic> {
  const db = ctx.db.db;
  const row = await loadTopic(db, actor, id, 'escalationTopic.archive');
  if ((row.archived_at !== null) === archived) return getTopic(ctx, actor, id);
  const at = now();
  await ctx.db.transaction(async (tx) => {
    await tx.db
      .updateTable('escalation_topics')
      .set({ archived_at: archived ? at : null, version: row.version + 1, updated_at: at })
      .where('id', '=', id)
      .execute();
    await addVersion(tx, id, row.version + 1, actor.id, at, { ...storedOf(row), archived }, archived ? 'Archived' : 'Restored', [
      { field: 'archived', from: archived ? 'no' : 'yes', to: archived ? 'yes' : 'no' },
    ]);
    await topicChanged(ctx, tx, actor.id, id);
  });
  return getTopic(ctx, actor, id);
}

export async function getTopic(ctx: AppContext, actor: Actor, id: string, at: Date = new Date()): Promise<EscalationTopic> {
  const row = await loadTopic(ctx.db.db, actor, id);
  const [topic] = await presentTopics(ctx, actor, [row], at);
  return topic as EscalationTopic;
}

/** The directory (A–Z), searched in title, keywords and description; each topic with who to contact now. */
export async function listTopics(ctx: AppContext, actor: Actor, q: EscalationTopicsQuery): Promise<EscalationTopicPage> {
  const db = ctx.db.db;
  const dir = await directoryFacts(db, actor);
  // Guests see no directory (403); archived topics are for their editors only.
  mayRead(actor, { archived: q.archived ?? false, editor: dir.editor });
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, 2);
  const rows = await repo.listTopics(db, {
    archived: q.archived ?? false,
    tokens: searchTokens(q.q ?? ''),
    ...(after ? { after: { title: String(after[0]), id: String(after[1]) } } : {}),
    limit,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await presentTopics(ctx, actor, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.title, last.id]) : null,
    canCreate: can(actor, 'escalationTopics.create', dir),
    canManage: can(actor, 'escalationDirectory.manage', dir),
  };
}

/** Versions, newest first. */
export async function listVersions(
  ctx: AppContext,
  actor: Actor,
  id: string,
  q: { cursor?: string; limit?: number },
): Promise<{ items: EscalationTopicVersion[]; nextCursor: string | null }> {
  const db = ctx.db.db;
  await loadTopic(db, actor, id, 'escalationTopic.versions');
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, 1);
  let query = db.selectFrom('escalation_topic_versions').selectAll().where('topic_id', '=', id);
  if (after) query = query.where('version', '<', Number(after[0]));
  const rows = await query
    .orderBy('version', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: await presentVersions(db, page), nextCursor: rows.length > limit && last ? encodeCursor([last.version]) : null };
}

/**
 * The directory as CSV (active topics A–Z, one row each): who, hours, chain, out-of-hours rule and phone numbers.
 */
export async function exportCsv(ctx: AppContext, actor: Actor): Promise<string> {
  const db = ctx.db.db;
  mayRead(actor);
  const rows = await db.selectFrom('escalation_topics').selectAll().where('archived_at', 'is', null).orderBy('title').orderBy('id').execute();
  const stored = rows.map((r) => storedOf(r));
  const people = await users.findByIds(db, stored.flatMap(peopleOf));
  const name = (id: string | null) => (id ? (people.get(id)?.name ?? '(deleted)') : '');
  const withPhone: NameOf = (id) => {
    const p = id ? people.get(id) : undefined;
    return p ? (p.phone ? `${p.name} (${p.phone})` : p.name) : '';
  };
  const phone = (id: string | null) => (id ? (people.get(id)?.phone ?? '') : '');
  const lines = [
    'Title,Responsible,Responsible phone,Deputy,Deputy phone,Time zone,Business hours,Escalation chain,Acknowledgement timeout (min),Out of hours,Keywords',
  ];
  for (const t of stored) {
    lines.push(
      [
        t.title,
        name(t.responsibleId),
        phone(t.responsibleId),
        name(t.deputyId),
        phone(t.deputyId),
        t.timeZone,
        hoursText(t.businessHours),
        chainText(t.chain, withPhone),
        String(t.ackTimeoutMinutes),
        outOfHoursText(t.outOfHours, withPhone),
        t.keywords.join(', '),
      ]
        .map(csvSafe)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function getHolidays(ctx: AppContext, actor: Actor): Promise<Holidays> {
  mayRead(actor);
  return { items: (await repo.holidays(ctx.db.db)).map((h) => ({ date: h.date, name: h.name })) };
}

/** Replaces the company holidays (admins). 400 names an invalid or repeated date. */
export async function setHolidays(ctx: AppContext, actor: Actor, input: Holidays): Promise<Holidays> {
  const db = ctx.db.db;
  authorize(actor, 'escalationDirectory.manage', await directoryFacts(db, actor));
  const seen = new Set<string>();
  for (const [i, h] of input.items.entries()) {
    if (!DateTime.fromISO(h.date, { zone: 'UTC' }).isValid) throw fieldError(`items.${i}.date`, 'is not a date');
    if (seen.has(h.date)) throw fieldError(`items.${i}.date`, 'is listed twice');
    seen.add(h.date);
  }
  await ctx.db.transaction(async (tx) => {
    await tx.db.deleteFrom('escalation_holidays').execute();
    if (input.items.length) {
      await tx.db
        .insertInto('escalation_holidays')
        .values(input.items.map((h) => ({ date: h.date, name: h.name.trim() })))
        .execute();
    }
    await appendEvent(tx, { type: 'escalation_topic.changed', actorId: actor.id, subjectId: null, payload: {} }, ctx.outbox);
  });
  return getHolidays(ctx, actor);
}

export async function getEditors(ctx: AppContext, actor: Actor): Promise<DirectoryEditors> {
  const db = ctx.db.db;
  authorize(actor, 'escalationDirectory.manage', await directoryFacts(db, actor));
  const ids = await repo.editorIds(db);
  const people = await users.findByIds(db, ids);
  return {
    items: ids
      .map((id) => people.get(id))
      .filter((u): u is users.UserRow => Boolean(u))
      .sort((a, b) => a.sort_name.localeCompare(b.sort_name))
      .map(presentSummary),
  };
}

/** Appoints the directory editors (admins): the list replaces the old one. 400 names someone who is not an active employee. */
export async function setEditors(ctx: AppContext, actor: Actor, input: SetDirectoryEditors): Promise<DirectoryEditors> {
  const db = ctx.db.db;
  authorize(actor, 'escalationDirectory.manage', await directoryFacts(db, actor));
  const people = await users.findByIds(db, input.userIds);
  for (const [i, id] of input.userIds.entries()) {
    const p = people.get(id);
    if (!p || p.status !== 'active' || p.role === 'guest') throw fieldError(`userIds.${i}`, 'no such colleague (guests cannot edit the directory)');
  }
  const at = now();
  await ctx.db.transaction(async (tx) => {
    const old = new Set(await repo.editorIds(tx.db));
    const keep = new Set(input.userIds);
    const gone = [...old].filter((id) => !keep.has(id));
    if (gone.length) await tx.db.deleteFrom('escalation_editors').where('user_id', 'in', gone).execute();
    const added = input.userIds.filter((id) => !old.has(id));
    if (added.length) {
      await tx.db
        .insertInto('escalation_editors')
        .values(added.map((user_id) => ({ user_id, added_by: actor.id, added_at: at })))
        .execute();
    }
  });
  return getEditors(ctx, actor);
}
