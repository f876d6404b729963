import type { Event } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import { abilities, type Actor } from '../../core/policy/index.js';
import { type GroupForFeed, groupsForFeed } from '../groups/service.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import type { EventFacts } from './policy.js';
import './policy.js';
import * as repo from './repository.js';
import type { Occurrence } from './time.js';

/** One occurrence of an event as shown: the series row with this occurrence's times and overrides applied. */
export interface Instance extends Occurrence {
  row: repo.EventRow;
  title: string;
  description: string;
  location: string | null;
  onlineUrl: string | null;
  cancelledAt: string | null;
}

export function eventFacts(row: repo.EventRow, group: GroupForFeed | undefined, invited: boolean): EventFacts {
  return {
    audience: row.audience,
    organizerId: row.organizer_id,
    groupRole: group?.role ?? null,
    groupVisibility: group?.visibility ?? null,
    groupArchived: group?.archived ?? false,
    invited,
    cancelled: row.cancelled_at !== null,
  };
}

/** Facts for many events at once (groups and invitations batch-loaded). */
export async function factsOf(db: Executor, actor: Actor, rows: readonly repo.EventRow[]): Promise<Map<string, EventFacts>> {
  const [groups, invited] = await Promise.all([
    groupsForFeed(
      db,
      actor.id,
      rows.flatMap((r) => (r.group_id ? [r.group_id] : [])),
    ),
    repo.invitedTo(
      db,
      actor.id,
      rows.filter((r) => r.audience === 'invited').map((r) => r.id),
    ),
  ]);
  return new Map(rows.map((r) => [r.id, eventFacts(r, r.group_id ? groups.get(r.group_id) : undefined, invited.has(r.id))]));
}

/** The occurrence `o` of `row` with its per-occurrence changes applied. */
export function instanceOf(row: repo.EventRow, o: Occurrence, override: repo.OverrideRow | undefined): Instance {
  return {
    row,
    occurrence: o.occurrence,
    startLocal: override?.start_local ?? o.startLocal,
    endLocal: override?.end_local ?? o.endLocal,
    startsAt: override?.starts_at ?? o.startsAt,
    endsAt: override?.ends_at ?? o.endsAt,
    title: override?.title ?? row.title,
    description: override?.description ?? row.description,
    // An override of '' clears the series' value for this occurrence.
    location: override && override.location !== null ? override.location || null : row.location,
    onlineUrl: override && override.online_url !== null ? override.online_url || null : row.online_url,
    cancelledAt: row.cancelled_at ?? override?.cancelled_at ?? null,
  };
}

/** Presents occurrences for the actor (a fixed number of queries for any count). */
export async function presentInstances(db: Executor, actor: Actor, items: readonly Instance[]): Promise<Event[]> {
  if (items.length === 0) return [];
  const rows = [...new Map(items.map((i) => [i.row.id, i.row])).values()];
  const ids = rows.map((r) => r.id);
  const [people, groups, facts, counts, mine] = await Promise.all([
    users.findByIds(
      db,
      rows.flatMap((r) => (r.organizer_id ? [r.organizer_id] : [])),
    ),
    groupsForFeed(
      db,
      actor.id,
      rows.flatMap((r) => (r.group_id ? [r.group_id] : [])),
    ),
    factsOf(db, actor, rows),
    repo.rsvpCounts(db, ids),
    repo.rsvpsOf(db, actor.id, ids),
  ]);
  const myRsvp = new Map(mine.map((r) => [`${r.event_id}|${r.occurrence}`, r]));
  // Only when I wait somewhere: one query for all of the page's events.
  const waitingIn = mine.filter((r) => r.status === 'waiting').map((r) => r.event_id);
  const positions = await repo.waitingPositions(db, actor.id, waitingIn);
  return items.map((i) => {
    const row = i.row;
    const key = `${row.id}|${i.occurrence}`;
    const f = facts.get(row.id) as EventFacts;
    const organizer = row.organizer_id ? people.get(row.organizer_id) : undefined;
    const group = row.group_id ? groups.get(row.group_id) : undefined;
    const allDay = row.all_day === 1;
    const cancelled = i.cancelledAt !== null;
    const ab = abilities(
      actor,
      { ...f, cancelled },
      { edit: 'event.edit', delete: 'event.delete', rsvp: 'event.rsvp', seeParticipants: 'event.see_participants' },
    );
    return {
      id: row.id,
      title: i.title,
      description: i.description,
      organizer: organizer ? presentSummary(organizer) : null,
      audience: {
        kind: row.audience,
        group: group ? { id: group.id, slug: group.slug, name: group.name, visibility: group.visibility } : null,
      },
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      timeZone: row.time_zone,
      allDay,
      startDate: allDay ? i.startLocal : null,
      endDate: allDay ? i.endLocal : null,
      location: i.location,
      onlineUrl: i.onlineUrl,
      coverUrl: row.cover_file_id ? `/api/v1/events/${row.id}/cover` : null,
      recurrence: row.recurrence,
      occurrence: i.occurrence,
      capacity: row.capacity,
      reminderMinutes: row.reminder_minutes,
      counts: counts.get(key) ?? { going: 0, maybe: 0, declined: 0, waiting: 0 },
      myRsvp: myRsvp.get(key)?.status ?? null,
      myWaitingPosition: positions.get(key) ?? null,
      postId: row.post_id,
      pollId: row.poll_id,
      cancelledAt: i.cancelledAt,
      createdAt: row.created_at,
      abilities: ab,
    };
  });
}
