import type { Selectable } from 'kysely';
import type { Executor } from '../../core/db/index.js';
import type { Actor } from '../../core/policy/index.js';
import type { EventOverridesTable, EventRsvpsTable, EventsTable } from './tables.js';

export type EventRow = Selectable<EventsTable>;
export type OverrideRow = Selectable<EventOverridesTable>;
export type RsvpRow = Selectable<EventRsvpsTable>;

export async function findEvent(db: Executor, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function eventsByIds(db: Executor, ids: readonly string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('events')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function eventsByPostIds(db: Executor, postIds: readonly string[]): Promise<EventRow[]> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('events')
    .selectAll()
    .where('post_id', 'in', [...new Set(postIds)])
    .execute();
}

/** Which of these events the user is invited to by name. */
export async function invitedTo(db: Executor, userId: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('event_invitees')
    .select('event_id')
    .where('user_id', '=', userId)
    .where('event_id', 'in', [...new Set(eventIds)])
    .execute();
  return new Set(rows.map((r) => r.event_id));
}

export async function inviteesOf(db: Executor, eventId: string): Promise<string[]> {
  return (await db.selectFrom('event_invitees').select('user_id').where('event_id', '=', eventId).execute()).map((r) => r.user_id);
}

export async function overridesOf(db: Executor, eventIds: readonly string[]): Promise<Map<string, Map<string, OverrideRow>>> {
  const out = new Map<string, Map<string, OverrideRow>>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .selectFrom('event_overrides')
    .selectAll()
    .where('event_id', 'in', [...new Set(eventIds)])
    .execute();
  for (const r of rows) {
    const m = out.get(r.event_id) ?? new Map<string, OverrideRow>();
    m.set(r.occurrence, r);
    out.set(r.event_id, m);
  }
  return out;
}

/** RSVP counts per `eventId|occurrence` and status. */
export async function rsvpCounts(db: Executor, eventIds: readonly string[]): Promise<Map<string, Record<RsvpRow['status'], number>>> {
  const out = new Map<string, Record<RsvpRow['status'], number>>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .selectFrom('event_rsvps')
    .select(['event_id', 'occurrence', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', [...new Set(eventIds)])
    .groupBy(['event_id', 'occurrence', 'status'])
    .execute();
  for (const r of rows) {
    const key = `${r.event_id}|${r.occurrence}`;
    const c = out.get(key) ?? { going: 0, maybe: 0, declined: 0, waiting: 0 };
    c[r.status] = Number(r.n);
    out.set(key, c);
  }
  return out;
}

export async function rsvpsOf(db: Executor, userId: string, eventIds: readonly string[]): Promise<RsvpRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('event_rsvps')
    .selectAll()
    .where('user_id', '=', userId)
    .where('event_id', 'in', [...new Set(eventIds)])
    .execute();
}

/** How many are going to one occurrence (the places taken, against the capacity). */
export async function goingCount(db: Executor, eventId: string, occurrence: string): Promise<number> {
  const row = await db
    .selectFrom('event_rsvps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('occurrence', '=', occurrence)
    .where('status', '=', 'going')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The waiting list of an occurrence, in order (first answered first). */
export async function waitingList(db: Executor, eventId: string, occurrence: string): Promise<RsvpRow[]> {
  return db
    .selectFrom('event_rsvps')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('occurrence', '=', occurrence)
    .where('status', '=', 'waiting')
    .orderBy('answered_at')
    .orderBy('user_id')
    .execute();
}

/**
 * The user's places on the waiting lists of these events, per `eventId|occurrence` (1 = next to move up), in one
 * query for any number of events: the same order as `waitingList` (answered first, then user id).
 */
export async function waitingPositions(db: Executor, userId: string, eventIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .selectFrom('event_rsvps as r')
    .select([
      'r.event_id',
      'r.occurrence',
      (eb) =>
        eb
          .selectFrom('event_rsvps as w')
          .select((w) => w.fn.countAll<number>().as('n'))
          .whereRef('w.event_id', '=', 'r.event_id')
          .whereRef('w.occurrence', '=', 'r.occurrence')
          .where('w.status', '=', 'waiting')
          .where((w) =>
            w.or([
              w('w.answered_at', '<', w.ref('r.answered_at')),
              w.and([w('w.answered_at', '=', w.ref('r.answered_at')), w('w.user_id', '<', w.ref('r.user_id'))]),
            ]),
          )
          .as('ahead'),
    ])
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'waiting')
    .where('r.event_id', 'in', [...new Set(eventIds)])
    .execute();
  for (const r of rows) out.set(`${r.event_id}|${r.occurrence}`, Number(r.ahead) + 1);
  return out;
}

/**
 * SQL scope: the events the actor can see (the same rule as `event.read`): group events of groups whose
 * posts they read, company events for employees, invited-only events they organise or are invited to.
 */
export function visibleEvents(db: Executor, actor: Actor) {
  const employee = actor.role !== 'guest';
  return db
    .selectFrom('events')
    .selectAll()
    .where((eb) => {
      const ors = [
        eb.and([
          eb('audience', '=', 'invited'),
          eb.or([eb('organizer_id', '=', actor.id), eb('id', 'in', db.selectFrom('event_invitees').select('event_id').where('user_id', '=', actor.id))]),
        ]),
        eb.and([eb('audience', '=', 'group'), eb('group_id', 'in', db.selectFrom('group_members').select('group_id').where('user_id', '=', actor.id))]),
      ];
      if (employee) {
        ors.push(eb('audience', '=', 'company'));
        ors.push(eb.and([eb('audience', '=', 'group'), eb('group_id', 'in', db.selectFrom('groups').select('id').where('visibility', '=', 'public'))]));
      }
      if (actor.role === 'admin') ors.push(eb('audience', '=', 'group'));
      return eb.or(ors);
    });
}
