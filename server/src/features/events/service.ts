import type { CreateEvent, Event, EventsQuery, Participant, RsvpStatus, SetRsvp, UpdateEvent } from '@innenhof/contract';
import type { Executor, Tx } from '../../core/db/index.js';
import { AppError, fieldError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { type Action, type Actor, authorize, can } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { insertEventPost } from '../feed/service.js';
import { groupsForFeed } from '../groups/service.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import { visibleUser } from '../users/service.js';
import type { EventFacts } from './policy.js';
import './policy.js';
import { factsOf, type Instance, instanceOf, presentInstances } from './presenter.js';
import * as repo from './repository.js';
import { instantParam, isOccurrence, type Occurrence, occurrencesOf, parseRecurrence, seriesEnd, timing } from './time.js';

const NOT_FOUND = 'Event';

export const DEFAULT_REMINDER_MINUTES = 60;

interface Loaded {
  row: repo.EventRow;
  facts: EventFacts;
}

/** An event the actor may see, or 404 exactly as for one that does not exist; then `action` is checked (403). */
export async function loadEvent(db: Executor, actor: Actor, id: string, action?: Action): Promise<Loaded> {
  const row = await repo.findEvent(db, id);
  const facts = row ? (await factsOf(db, actor, [row])).get(row.id) : null;
  authorize(actor, 'event.read', facts, NOT_FOUND);
  if (action) authorize(actor, action as 'event.edit', facts, NOT_FOUND);
  return { row: row as repo.EventRow, facts: facts as EventFacts };
}

function checkUrl(url: string | null | undefined, field: string): string | null {
  if (url === null || url === undefined || url.trim() === '') return null;
  try {
    const u = new URL(url.trim());
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString();
  } catch {
    // fall through
  }
  throw fieldError(field, 'must be an http(s) link');
}

/** An image the actor uploaded and has not posted: becomes the cover (its file moves to the event). */
async function coverFile(db: Executor, actor: Actor, attachmentId: string | null | undefined): Promise<{ attachmentId: string; fileId: string } | null> {
  if (!attachmentId) return null;
  const att = await db
    .selectFrom('post_attachments')
    .select(['id', 'uploader_id', 'post_id', 'kind', 'file_id'])
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!att || att.uploader_id !== actor.id || att.post_id !== null || att.kind !== 'image')
    throw fieldError('coverAttachmentId', 'no such image upload of yours');
  return { attachmentId: att.id, fileId: att.file_id };
}

/**
 * Creates an event. Group and company events get their feed post in the same transaction (a company
 * event's post is company-wide: in every employee's home feed, not an announcement); invited-only events none. `pollId`: the date poll it was made from.
 */
/**
 * `options.pollId`: made from a date poll; `options.within` runs inside the event's transaction (the poll records
 * the event there, so two clicks at once make one event: the second throws and nothing of it is kept).
 */
export async function createEvent(
  ctx: AppContext,
  actor: Actor,
  input: CreateEvent,
  options: { pollId?: string; within?: (tx: Tx, eventId: string) => Promise<void> } = {},
): Promise<Event> {
  const db = ctx.db.db;
  const audience = input.audience;
  const groupId = audience.kind === 'group' ? audience.groupId : null;
  const group = groupId ? (await groupsForFeed(db, actor.id, [groupId])).get(groupId) : undefined;
  if (groupId) {
    const readable = group && (actor.role === 'admin' || group.role !== null || (actor.role !== 'guest' && group.visibility === 'public'));
    if (!readable) throw fieldError('audience.groupId', 'no such group');
  }
  authorize(actor, 'events.create', { audience: audience.kind, groupRole: group?.role ?? null, groupArchived: group?.archived ?? false });
  const invitees = audience.kind === 'invited' ? audience.userIds.filter((id) => id !== actor.id) : [];
  if (audience.kind === 'invited') {
    const people = await users.findByIds(db, audience.userIds);
    for (const [i, id] of audience.userIds.entries()) {
      const p = people.get(id);
      if (!p || p.status !== 'active') throw fieldError(`audience.userIds.${i}`, 'no such colleague');
    }
  }
  const t = timing(input.start, input.end, input.timeZone, input.allDay ?? false);
  const recurrence = parseRecurrence(input.recurrence);
  const cover = await coverFile(db, actor, input.coverAttachmentId);
  const at = now();
  const row: repo.EventRow = {
    id: newId(),
    organizer_id: actor.id,
    title: input.title.trim(),
    description: input.description ?? '',
    audience: audience.kind,
    group_id: groupId,
    time_zone: input.timeZone,
    all_day: t.allDay ? 1 : 0,
    start_local: t.startLocal,
    end_local: t.endLocal,
    starts_at: t.startsAt,
    ends_at: t.endsAt,
    recurrence,
    series_ends_at: null,
    location: input.location?.trim() || null,
    online_url: checkUrl(input.onlineUrl, 'onlineUrl'),
    cover_file_id: cover?.fileId ?? null,
    capacity: input.capacity ?? null,
    reminder_minutes: input.reminderMinutes === undefined ? DEFAULT_REMINDER_MINUTES : input.reminderMinutes,
    post_id: null,
    poll_id: options.pollId ?? null,
    cancelled_at: null,
    created_at: at,
    updated_at: at,
  };
  row.series_ends_at = seriesEnd(row);
  await ctx.db.transaction(async (tx) => {
    if (audience.kind !== 'invited') {
      row.post_id = await insertEventPost(tx, { authorId: actor.id, audience: audience.kind === 'group' ? 'group' : 'company', groupId });
    }
    await tx.db.insertInto('events').values(row).execute();
    if (invitees.length) {
      await tx.db
        .insertInto('event_invitees')
        .values(invitees.map((user_id) => ({ event_id: row.id, user_id })))
        .execute();
    }
    // The cover's file now belongs to the event: the unposted upload is dropped without its file.
    if (cover) await tx.db.deleteFrom('post_attachments').where('id', '=', cover.attachmentId).execute();
    await options.within?.(tx, row.id);
    await appendChange(ctx, tx, 'event.created', actor.id, row);
  });
  return getEvent(ctx, actor, row.id);
}

/** The outbox event of a change; the payload names the audience (for real-time rooms), never who answered. */
export async function appendChange(ctx: AppContext, tx: Tx, type: string, actorId: string, row: repo.EventRow, extra: Record<string, unknown> = {}) {
  // Invited-only events are heard of only by their organiser and invitees (real-time user rooms).
  const people = row.audience === 'invited' ? [...(row.organizer_id ? [row.organizer_id] : []), ...(await repo.inviteesOf(tx.db, row.id))] : undefined;
  await appendEvent(
    tx,
    {
      type,
      actorId,
      subjectId: row.id,
      payload: { audience: row.audience, groupId: row.group_id, postId: row.post_id, ...(people ? { people } : {}), ...extra },
    },
    ctx.outbox,
  );
}

/** The occurrences of a series in a window, with per-occurrence changes applied. */
export function instancesIn(row: repo.EventRow, overrides: Map<string, repo.OverrideRow> | undefined, from: string, to: string): Instance[] {
  return occurrencesOf(row, from, to).map((o) => instanceOf(row, o, overrides?.get(o.occurrence)));
}

/** The instance named by `occurrence` (default: the next one not yet ended, else the last/first). 400 `occurrence` when it is not one. */
export async function resolveInstance(db: Executor, row: repo.EventRow, occurrence: string | undefined): Promise<Instance> {
  const overrides = (await repo.overridesOf(db, [row.id])).get(row.id);
  if (occurrence) {
    const key = instantParam(occurrence, 'occurrence');
    const o: Occurrence | null = isOccurrence(row, key);
    if (!o) throw fieldError('occurrence', 'is not an occurrence of this event');
    return instanceOf(row, o, overrides?.get(key));
  }
  return defaultInstance(row, overrides);
}

/** The occurrence shown when none is named: a single event itself; of a series the next one not cancelled (else the first). */
export function defaultInstance(row: repo.EventRow, overrides: Map<string, repo.OverrideRow> | undefined): Instance {
  if (!row.recurrence) return instanceOf(row, occurrencesOf(row, row.starts_at, FAR, 1)[0] as Occurrence, overrides?.get(row.starts_at));
  const upcoming = occurrencesOf(row, now(), FAR, 60).map((o) => instanceOf(row, o, overrides?.get(o.occurrence)));
  return upcoming.find((i) => i.cancelledAt === null) ?? upcoming[0] ?? instanceOf(row, occurrencesOf(row, row.starts_at, FAR, 1)[0] as Occurrence, undefined);
}

export async function getEvent(ctx: AppContext, actor: Actor, id: string, occurrence?: string): Promise<Event> {
  const db = ctx.db.db;
  const { row } = await loadEvent(db, actor, id);
  const instance = await resolveInstance(db, row, occurrence);
  const [event] = await presentInstances(db, actor, [instance]);
  return event as Event;
}

const FAR = '9999-12-31T00:00:00.000Z';
const DAY_MS = 24 * 3600_000;

/**
 * Occurrences the actor can see, soonest first: upcoming ones (not yet ended), or those overlapping
 * [from, to) for the month calendar. `mine`/`userId`: events organised by, or answered going/maybe/waiting
 * by, me or that colleague (only events the viewer can see). Cancelled events and occurrences are left out.
 */
export async function listEvents(ctx: AppContext, actor: Actor, q: EventsQuery): Promise<{ items: Event[]; nextCursor: string | null }> {
  const db = ctx.db.db;
  const limit = q.limit ?? 50;
  const from = q.from ? instantParam(q.from, 'from') : now();
  const to = q.to ? instantParam(q.to, 'to') : new Date(Date.parse(from) + 366 * DAY_MS).toISOString();
  if (to <= from) throw fieldError('to', 'must be after from');
  if (Date.parse(to) - Date.parse(from) > 400 * DAY_MS) throw fieldError('to', 'at most 400 days after from');
  const after = decodeCursor(q.cursor, 3) as [string, string, string] | undefined;
  const personId = q.userId ? (await visibleUser(ctx, actor, q.userId)).id : q.mine ? actor.id : null;
  let query = repo
    .visibleEvents(db, actor)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '<', to)
    .where((eb) =>
      eb.or([eb('ends_at', '>', from), eb('series_ends_at', '>', from), eb.and([eb('recurrence', 'is not', null), eb('series_ends_at', 'is', null)])]),
    );
  if (q.groupId) query = query.where('group_id', '=', q.groupId);
  let answered = new Map<string, Set<string>>();
  if (personId) {
    const rsvps = await db
      .selectFrom('event_rsvps')
      .select(['event_id', 'occurrence'])
      .where('user_id', '=', personId)
      .where('status', 'in', q.userId ? ['going'] : ['going', 'maybe', 'waiting'])
      .execute();
    answered = new Map();
    for (const r of rsvps) answered.set(r.event_id, (answered.get(r.event_id) ?? new Set()).add(r.occurrence));
    const ids = [...answered.keys()];
    query = query.where((eb) => (ids.length ? eb.or([eb('organizer_id', '=', personId), eb('id', 'in', ids)]) : eb('organizer_id', '=', personId)));
  }
  const rows = await query.execute();
  const overrides = await repo.overridesOf(
    db,
    rows.filter((r) => r.recurrence).map((r) => r.id),
  );
  let all: Instance[] = [];
  for (const row of rows) {
    let list = instancesIn(row, overrides.get(row.id), from, to).filter((i) => i.cancelledAt === null && i.endsAt > from && i.startsAt < to);
    if (personId && row.organizer_id !== personId) list = list.filter((i) => answered.get(row.id)?.has(i.occurrence));
    all = all.concat(list);
  }
  const key = (i: Instance): [string, string, string] => [i.startsAt, i.row.id, i.occurrence];
  const cmp = (a: [string, string, string], b: [string, string, string]) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
  all.sort((a, b) => cmp(key(a), key(b)));
  if (after) all = all.filter((i) => cmp(key(i), after) > 0);
  const page = all.slice(0, limit);
  const last = page[page.length - 1];
  return { items: await presentInstances(db, actor, page), nextCursor: all.length > limit && last ? encodeCursor(key(last)) : null };
}

/**
 * The events among `ids` the actor can see now, with their titles (notifications check this before
 * showing or mailing one: an event that became invisible takes its notifications with it).
 */
export async function visibleEventTitles(db: Executor, actor: Actor, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await repo.eventsByIds(db, ids);
  const facts = await factsOf(db, actor, rows);
  return new Map(rows.filter((r) => can(actor, 'event.read', facts.get(r.id) as EventFacts)).map((r) => [r.id, r.title]));
}

/** Fields that only change the whole series. */
const SERIES_ONLY = ['timeZone', 'allDay', 'capacity', 'reminderMinutes', 'recurrence', 'coverAttachmentId'] as const;

/**
 * Changes an event. `scope: 'this'` (recurring events, with `occurrence`) changes one occurrence: times,
 * title, description, location, link, or cancels/restores it. Otherwise the whole series: times are
 * re-validated, RSVPs of a single event move with its start, raising the capacity lets the waiting list
 * move up (lowering it never evicts anyone).
 */
export async function updateEvent(ctx: AppContext, actor: Actor, id: string, input: UpdateEvent): Promise<Event> {
  const db = ctx.db.db;
  const { row } = await loadEvent(db, actor, id, 'event.edit');
  const one = input.scope === 'this' && row.recurrence !== null;
  if (one) {
    if (!input.occurrence) throw fieldError('occurrence', 'is required with scope this');
    for (const f of SERIES_ONLY) if (input[f] !== undefined) throw fieldError(f, 'changes the whole series (scope all)');
    const instance = await resolveInstance(db, row, input.occurrence);
    const o = instance.occurrence;
    const existing = (await repo.overridesOf(db, [row.id])).get(row.id)?.get(o);
    let times: { start_local: string; end_local: string; starts_at: string; ends_at: string } | null = null;
    if (input.start !== undefined || input.end !== undefined) {
      const t = timing(input.start ?? instance.startLocal, input.end ?? instance.endLocal, row.time_zone, row.all_day === 1);
      times = { start_local: t.startLocal, end_local: t.endLocal, starts_at: t.startsAt, ends_at: t.endsAt };
    }
    const at = now();
    const values: repo.OverrideRow = {
      event_id: row.id,
      occurrence: o,
      start_local: times?.start_local ?? existing?.start_local ?? null,
      end_local: times?.end_local ?? existing?.end_local ?? null,
      starts_at: times?.starts_at ?? existing?.starts_at ?? null,
      ends_at: times?.ends_at ?? existing?.ends_at ?? null,
      title: input.title?.trim() ?? existing?.title ?? null,
      description: input.description ?? existing?.description ?? null,
      location: input.location !== undefined ? (input.location ?? '') : (existing?.location ?? null),
      online_url: input.onlineUrl !== undefined ? (checkUrl(input.onlineUrl, 'onlineUrl') ?? '') : (existing?.online_url ?? null),
      cancelled_at: input.cancelled === undefined ? (existing?.cancelled_at ?? null) : input.cancelled ? (existing?.cancelled_at ?? at) : null,
      updated_at: at,
    };
    const cancelledNow = input.cancelled === true && !existing?.cancelled_at;
    await ctx.db.transaction(async (tx) => {
      await tx.db.deleteFrom('event_overrides').where('event_id', '=', row.id).where('occurrence', '=', o).execute();
      await tx.db.insertInto('event_overrides').values(values).execute();
      await tx.db.updateTable('events').set({ updated_at: at }).where('id', '=', row.id).execute();
      await appendChange(ctx, tx, cancelledNow ? 'event.cancelled' : 'event.updated', actor.id, row, { occurrence: o });
    });
    return getEvent(ctx, actor, row.id, o);
  }

  if (input.cancelled === true && row.cancelled_at === null) {
    await cancelEvent(ctx, actor, id);
    return getEvent(ctx, actor, id);
  }
  const allDay = input.allDay ?? row.all_day === 1;
  const zone = input.timeZone ?? row.time_zone;
  const allDayChanged = allDay !== (row.all_day === 1);
  const start = input.start ?? (allDayChanged ? row.start_local.slice(0, 10) : row.start_local);
  const end = input.end ?? (allDayChanged ? row.end_local.slice(0, 10) : row.end_local);
  if (allDayChanged && !allDay && (input.start === undefined || input.end === undefined))
    throw fieldError(input.start === undefined ? 'start' : 'end', 'give the times of day');
  const t = timing(start, end, zone, allDay);
  const recurrence = input.recurrence !== undefined ? parseRecurrence(input.recurrence) : row.recurrence;
  const cover = await coverFile(db, actor, input.coverAttachmentId);
  const at = now();
  const next: repo.EventRow = {
    ...row,
    title: input.title?.trim() ?? row.title,
    description: input.description ?? row.description,
    time_zone: zone,
    all_day: allDay ? 1 : 0,
    start_local: t.startLocal,
    end_local: t.endLocal,
    starts_at: t.startsAt,
    ends_at: t.endsAt,
    recurrence,
    location: input.location !== undefined ? input.location?.trim() || null : row.location,
    online_url: input.onlineUrl !== undefined ? checkUrl(input.onlineUrl, 'onlineUrl') : row.online_url,
    cover_file_id: input.coverAttachmentId === null ? null : (cover?.fileId ?? row.cover_file_id),
    capacity: input.capacity !== undefined ? input.capacity : row.capacity,
    reminder_minutes: input.reminderMinutes !== undefined ? input.reminderMinutes : row.reminder_minutes,
    cancelled_at: input.cancelled === false ? null : row.cancelled_at,
    updated_at: at,
  };
  next.series_ends_at = seriesEnd(next);
  const moved =
    next.starts_at !== row.starts_at || next.recurrence !== row.recurrence || next.start_local !== row.start_local || next.time_zone !== row.time_zone;
  await ctx.db.transaction(async (tx) => {
    await lockEvent(tx, row.id);
    const { id: _id, ...values } = next;
    await tx.db.updateTable('events').set(values).where('id', '=', row.id).execute();
    if (cover) await tx.db.deleteFrom('post_attachments').where('id', '=', cover.attachmentId).execute();
    if (moved) await rekey(tx, row, next);
    if (next.capacity === null || (row.capacity !== null && next.capacity > row.capacity)) {
      const occs = await tx.db
        .selectFrom('event_rsvps')
        .select('occurrence')
        .distinct()
        .where('event_id', '=', row.id)
        .where('status', '=', 'waiting')
        .execute();
      for (const o of occs) await promote(ctx, tx, next, o.occurrence, actor.id);
    }
    await appendChange(ctx, tx, 'event.updated', actor.id, next);
  });
  if (cover && row.cover_file_id) await ctx.storage.remove(db, row.cover_file_id).catch(() => undefined);
  return getEvent(ctx, actor, row.id);
}

/**
 * When the series' times change, RSVPs and per-occurrence changes follow their occurrence: a single
 * event's move to its new start; a series' by position (the 3rd occurrence stays the 3rd).
 */
async function rekey(tx: Tx, before: repo.EventRow, after: repo.EventRow): Promise<void> {
  const keys = new Set<string>();
  for (const r of await tx.db.selectFrom('event_rsvps').select('occurrence').distinct().where('event_id', '=', before.id).execute()) keys.add(r.occurrence);
  for (const r of await tx.db.selectFrom('event_overrides').select('occurrence').where('event_id', '=', before.id).execute()) keys.add(r.occurrence);
  if (keys.size === 0) return;
  const last = [...keys].sort().pop() as string;
  const old = occurrencesOf(before, before.starts_at, new Date(Date.parse(last) + 1).toISOString(), 5000).map((o) => o.occurrence);
  const fresh = occurrencesOf(after, after.starts_at, FAR, old.length).map((o) => o.occurrence);
  const map = new Map<string, string | null>();
  for (const k of keys) {
    const i = old.indexOf(k);
    map.set(k, i >= 0 ? (fresh[i] ?? null) : null);
  }
  // Two passes through temporary keys, so a shift never collides with a key still in use.
  for (const [k] of map) {
    await tx.db
      .updateTable('event_rsvps')
      .set({ occurrence: `~${k}` })
      .where('event_id', '=', before.id)
      .where('occurrence', '=', k)
      .execute();
    await tx.db
      .updateTable('event_overrides')
      .set({ occurrence: `~${k}` })
      .where('event_id', '=', before.id)
      .where('occurrence', '=', k)
      .execute();
  }
  for (const [k, v] of map) {
    if (v === null) {
      await tx.db.deleteFrom('event_rsvps').where('event_id', '=', before.id).where('occurrence', '=', `~${k}`).execute();
      await tx.db.deleteFrom('event_overrides').where('event_id', '=', before.id).where('occurrence', '=', `~${k}`).execute();
      continue;
    }
    await tx.db.updateTable('event_rsvps').set({ occurrence: v }).where('event_id', '=', before.id).where('occurrence', '=', `~${k}`).execute();
    await tx.db.updateTable('event_overrides').set({ occurrence: v }).where('event_id', '=', before.id).where('occurrence', '=', `~${k}`).execute();
  }
}

/** Cancels the whole event (every occurrence). Its post stays, showing the event as cancelled. */
export async function cancelEvent(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { row } = await loadEvent(ctx.db.db, actor, id, 'event.delete');
  if (row.cancelled_at) return;
  const at = now();
  await ctx.db.transaction(async (tx) => {
    await tx.db.updateTable('events').set({ cancelled_at: at, updated_at: at }).where('id', '=', row.id).execute();
    await appendChange(ctx, tx, 'event.cancelled', actor.id, { ...row, cancelled_at: at });
  });
}

/**
 * Serialises the answers to one event: on PostgreSQL the event row is locked until commit; SQLite runs
 * one write transaction at a time already (a single connection behind Kysely's mutex).
 */
async function lockEvent(tx: Tx, id: string): Promise<void> {
  if (tx.dialect === 'pg') await tx.db.selectFrom('events').select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * Fills free places from the waiting list, first come first served; each one moved up is told. The places
 * are counted once: the caller holds the event's lock, so nobody else answers meanwhile.
 */
async function promote(ctx: AppContext, tx: Tx, row: repo.EventRow, occurrence: string, actorId: string): Promise<void> {
  const free = row.capacity === null ? Number.POSITIVE_INFINITY : row.capacity - (await repo.goingCount(tx.db, row.id, occurrence));
  if (free <= 0) return;
  const moving = (await repo.waitingList(tx.db, row.id, occurrence)).slice(0, free);
  if (moving.length === 0) return;
  await tx.db
    .updateTable('event_rsvps')
    .set({ status: 'going' })
    .where('event_id', '=', row.id)
    .where('occurrence', '=', occurrence)
    .where(
      'user_id',
      'in',
      moving.map((w) => w.user_id),
    )
    .execute();
  for (const w of moving) await appendChange(ctx, tx, 'event.promoted', actorId, row, { occurrence, userId: w.user_id });
}

/**
 * My answer to one occurrence. "Going" to a full event joins the waiting list; a going person who
 * changes their mind frees the place for the first one waiting, in the same transaction.
 */
export async function setRsvp(ctx: AppContext, actor: Actor, id: string, input: SetRsvp): Promise<Event> {
  const db = ctx.db.db;
  const { row, facts } = await loadEvent(db, actor, id);
  const instance = await resolveInstance(db, row, input.occurrence);
  authorize(actor, 'event.rsvp', { ...facts, cancelled: facts.cancelled || instance.cancelledAt !== null }, NOT_FOUND);
  const o = instance.occurrence;
  await ctx.db.transaction(async (tx) => {
    await lockEvent(tx, row.id);
    const fresh = (await repo.findEvent(tx.db, row.id)) as repo.EventRow;
    const existing = await tx.db
      .selectFrom('event_rsvps')
      .selectAll()
      .where('event_id', '=', row.id)
      .where('occurrence', '=', o)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    let status: RsvpStatus = input.status;
    if (status === 'going') {
      if (existing?.status === 'going' || existing?.status === 'waiting') status = existing.status;
      else if (fresh.capacity !== null) {
        if ((await repo.goingCount(tx.db, row.id, o)) >= fresh.capacity) status = 'waiting';
      }
    }
    if (existing?.status === status) return;
    const at = now();
    if (existing) {
      await tx.db
        .updateTable('event_rsvps')
        .set({ status, answered_at: at })
        .where('event_id', '=', row.id)
        .where('occurrence', '=', o)
        .where('user_id', '=', actor.id)
        .execute();
    } else {
      await tx.db.insertInto('event_rsvps').values({ event_id: row.id, occurrence: o, user_id: actor.id, status, answered_at: at }).execute();
    }
    await appendChange(ctx, tx, 'event.rsvp', actor.id, fresh, { occurrence: o });
    if (existing?.status === 'going') await promote(ctx, tx, fresh, o, actor.id);
  });
  return getEvent(ctx, actor, row.id, o);
}

/** Withdraws my answer (a going person's place goes to the first one waiting). */
export async function withdrawRsvp(ctx: AppContext, actor: Actor, id: string, occurrence: string | undefined): Promise<Event> {
  const db = ctx.db.db;
  const { row } = await loadEvent(db, actor, id);
  const instance = await resolveInstance(db, row, occurrence);
  const o = instance.occurrence;
  await ctx.db.transaction(async (tx) => {
    await lockEvent(tx, row.id);
    const existing = await tx.db
      .selectFrom('event_rsvps')
      .selectAll()
      .where('event_id', '=', row.id)
      .where('occurrence', '=', o)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (!existing) return;
    await tx.db.deleteFrom('event_rsvps').where('event_id', '=', row.id).where('occurrence', '=', o).where('user_id', '=', actor.id).execute();
    const fresh = (await repo.findEvent(tx.db, row.id)) as repo.EventRow;
    await appendChange(ctx, tx, 'event.rsvp', actor.id, fresh, { occurrence: o });
    if (existing.status === 'going') await promote(ctx, tx, fresh, o, actor.id);
  });
  return getEvent(ctx, actor, row.id, o);
}

const STATUS_RANK: Record<RsvpStatus, number> = { going: 0, waiting: 1, maybe: 2, declined: 3 };

/** Who answered an occurrence: going, then the waiting list in order, maybe, declined (for whoever sees the event). */
export async function participants(
  ctx: AppContext,
  actor: Actor,
  id: string,
  q: { occurrence?: string; status?: RsvpStatus; cursor?: string; limit?: number },
): Promise<{ items: Participant[]; nextCursor: string | null }> {
  const db = ctx.db.db;
  const { facts, row } = await loadEvent(db, actor, id);
  authorize(actor, 'event.see_participants', facts, NOT_FOUND);
  const instance = await resolveInstance(db, row, q.occurrence);
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, 3) as [number, string, string] | undefined;
  let query = db
    .selectFrom('event_rsvps as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'r.status', 'r.answered_at'])
    .where('r.event_id', '=', row.id)
    .where('r.occurrence', '=', instance.occurrence);
  if (q.status) query = query.where('r.status', '=', q.status);
  const rows = (await query.execute()).map((r) => ({ ...r, rank: STATUS_RANK[r.status] }));
  const key = (r: (typeof rows)[number]): [number, string, string] => [r.rank, r.answered_at, r.user_id];
  const cmp = (a: [number, string, string], b: [number, string, string]) =>
    a[0] !== b[0] ? a[0] - b[0] : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
  rows.sort((a, b) => cmp(key(a), key(b)));
  const waiting = rows.filter((r) => r.status === 'waiting').map((r) => r.user_id);
  const rest = after ? rows.filter((r) => cmp(key(r), after) > 0) : rows;
  const page = rest.slice(0, limit);
  const people = await users.findByIds(
    db,
    page.map((r) => r.user_id),
  );
  const last = page[page.length - 1];
  return {
    items: page.flatMap((r) => {
      const u = people.get(r.user_id);
      return u
        ? [{ user: presentSummary(u), status: r.status, position: r.status === 'waiting' ? waiting.indexOf(r.user_id) + 1 : null, answeredAt: r.answered_at }]
        : [];
    }),
    nextCursor: rest.length > limit && last ? encodeCursor(key(last)) : null,
  };
}

/** The cover image of an event the actor can see. */
export async function coverOf(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const { row } = await loadEvent(ctx.db.db, actor, id);
  if (!row.cover_file_id) throw new AppError(404, 'not_found', 'This event has no cover');
  return row.cover_file_id;
}
