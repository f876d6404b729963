import type { Executor } from '../../core/db/index.js';
import type { StoredEvent } from '../../core/outbox.js';
import type { NotificationDraft } from '../notifications/registry.js';
import { notifyOn } from '../notifications/registry.js';
import { pollAudience } from './service.js';

/**
 * What polls notify about (texts: locales/*\/notifications.json and mail.json → notification): a new poll
 * to its audience — a group's members, every employee (company), the author's followers (profile) — and
 * the reminder to those who have not voted. Never who voted what: the drafts name the post only.
 */

async function pollOf(db: Executor, event: StoredEvent) {
  const pollId = typeof event.payload.pollId === 'string' ? event.payload.pollId : null;
  if (!pollId || !event.subjectId) return null;
  const row = await db
    .selectFrom('polls as pl')
    .innerJoin('posts as p', 'p.id', 'pl.post_id')
    .select(['pl.id', 'pl.post_id', 'pl.closed_at', 'pl.deadline', 'p.author_id', 'p.audience', 'p.group_id', 'p.deleted_at'])
    .where('pl.id', '=', pollId)
    .executeTakeFirst();
  return row && !row.deleted_at ? row : null;
}

const draft = (poll: { post_id: string; group_id: string | null }, userId: string, type: 'poll' | 'poll_reminder'): NotificationDraft => ({
  userId,
  type,
  groupKey: `${type}:${poll.post_id}`,
  postId: poll.post_id,
  groupId: poll.group_id,
  target: { kind: 'post', id: poll.post_id },
});

notifyOn('poll.created', async (db, event) => {
  const poll = await pollOf(db, event);
  if (!poll) return [];
  return (await pollAudience(db, poll)).map((id) => draft(poll, id, 'poll'));
});

notifyOn('poll.reminded', async (db, event) => {
  const poll = await pollOf(db, event);
  if (!poll || poll.closed_at) return [];
  const voted = new Set((await db.selectFrom('poll_participants').select('user_id').where('poll_id', '=', poll.id).execute()).map((r) => r.user_id));
  return (await pollAudience(db, poll)).filter((id) => !voted.has(id)).map((id) => draft(poll, id, 'poll_reminder'));
});

/** Loaded for its declarations. */
export const pollNotifications = true;
