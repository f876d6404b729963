import type { Executor } from '../../core/db/index.js';
import type { NotificationDraft } from '../notifications/registry.js';
import { notifyOn, onlyThoseWho } from '../notifications/registry.js';
import * as repo from './repository.js';
import { visibleEventTitles } from './service.js';

/**
 * What events notify about (texts: locales/*\/notifications.json and mail.json → notification): a new
 * event to its group's members or its invitees (company events are found in the feed, not pushed to
 * everyone), reminders before an occurrence, moving up from the waiting list, and cancellations.
 */

/** Keeps the drafts whose person may see the event now (deactivated people and outsiders drop out). */
const seersOnly = (db: Executor, eventId: string, drafts: NotificationDraft[]) =>
  onlyThoseWho(db, drafts, async (actor) => (await visibleEventTitles(db, actor, [eventId])).has(eventId));

const occurrenceOf = (payload: Record<string, unknown>) => (typeof payload.occurrence === 'string' ? payload.occurrence : null);

function draft(row: repo.EventRow, userId: string, type: NotificationDraft['type'], key: string, detail: string | null = null): NotificationDraft {
  return { userId, type, groupKey: key, target: { kind: 'event', id: row.id }, groupId: row.group_id, detail };
}

notifyOn('event.created', async (db, event) => {
  const row = event.subjectId ? await repo.findEvent(db, event.subjectId) : undefined;
  if (!row || row.cancelled_at) return [];
  let ids: string[] = [];
  if (row.audience === 'invited') ids = await repo.inviteesOf(db, row.id);
  else if (row.audience === 'group' && row.group_id) {
    ids = (await db.selectFrom('group_members').select('user_id').where('group_id', '=', row.group_id).execute()).map((m) => m.user_id);
  }
  return seersOnly(
    db,
    row.id,
    ids.filter((id) => id !== row.organizer_id).map((id) => draft(row, id, 'event', `event:${row.id}`, row.starts_at)),
  );
});

notifyOn('event.reminder', async (db, event) => {
  const row = event.subjectId ? await repo.findEvent(db, event.subjectId) : undefined;
  const occurrence = occurrenceOf(event.payload);
  if (!row || row.cancelled_at || !occurrence) return [];
  const rsvps = await db
    .selectFrom('event_rsvps')
    .select('user_id')
    .where('event_id', '=', row.id)
    .where('occurrence', '=', occurrence)
    .where('status', 'in', ['going', 'maybe'])
    .execute();
  const startsAt = typeof event.payload.startsAt === 'string' ? event.payload.startsAt : occurrence;
  return seersOnly(
    db,
    row.id,
    rsvps.map((r) => draft(row, r.user_id, 'event_reminder', `event_reminder:${row.id}:${occurrence}`, startsAt)),
  );
});

notifyOn('event.promoted', async (db, event) => {
  const row = event.subjectId ? await repo.findEvent(db, event.subjectId) : undefined;
  const occurrence = occurrenceOf(event.payload);
  const userId = typeof event.payload.userId === 'string' ? event.payload.userId : null;
  if (!row || row.cancelled_at || !occurrence || !userId) return [];
  const still = await db
    .selectFrom('event_rsvps')
    .select('status')
    .where('event_id', '=', row.id)
    .where('occurrence', '=', occurrence)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (still?.status !== 'going') return [];
  return seersOnly(db, row.id, [draft(row, userId, 'event_promoted', `event_promoted:${row.id}:${occurrence}`, occurrence)]);
});

notifyOn('event.cancelled', async (db, event) => {
  const row = event.subjectId ? await repo.findEvent(db, event.subjectId) : undefined;
  if (!row) return [];
  const occurrence = occurrenceOf(event.payload);
  // The whole event: everyone going or maybe to an occurrence not yet over; one occurrence: its answers.
  let q = db.selectFrom('event_rsvps').select('user_id').distinct().where('event_id', '=', row.id).where('status', 'in', ['going', 'maybe', 'waiting']);
  q = occurrence ? q.where('occurrence', '=', occurrence) : q.where('occurrence', '>=', new Date(Date.now() - 24 * 3600_000).toISOString());
  const rsvps = await q.execute();
  return seersOnly(
    db,
    row.id,
    rsvps
      .filter((r) => r.user_id !== event.actorId)
      .map((r) => draft(row, r.user_id, 'event_cancelled', `event_cancelled:${row.id}:${occurrence ?? ''}`, occurrence)),
  );
});

/** Loaded for its declarations. */
export const eventNotifications = true;
