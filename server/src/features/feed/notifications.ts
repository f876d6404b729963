import type { Executor } from '../../core/db/index.js';
import type { NotificationDraft } from '../notifications/registry.js';
import { notifyOn, onlyThoseWho } from '../notifications/registry.js';
import * as repo from './repository.js';
import { announcementReaders, readablePosts } from './service.js';

/**
 * What the feed notifies about (texts: locales/*\/notifications.json and mail.json → notification):
 * mentions, comments on my post, replies to my comment, reactions, shares of my post, new posts in my
 * groups, announcements awaiting my confirmation and their reminders.
 */

const ids = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

/** Keeps the drafts whose person may read the post now (deactivated people and outsiders drop out). */
const readersOnly = (db: Executor, postId: string, drafts: NotificationDraft[]) =>
  onlyThoseWho(db, drafts, async (actor) => (await readablePosts(db, actor, [postId])).has(postId));

notifyOn('post.created', async (db, event) => {
  const post = event.subjectId ? await repo.findPost(db, event.subjectId) : undefined;
  if (!post || post.deleted_at) return [];
  const base = { postId: post.id, groupId: post.group_id, target: { kind: 'post' as const, id: post.id } };
  const few: NotificationDraft[] = ids(post.mentions).map((userId) => ({ ...base, userId, type: 'mention', groupKey: `mention:${post.id}`, detail: 'post' }));
  if (post.shared_post_id) {
    const original = await repo.findPost(db, post.shared_post_id);
    if (original?.author_id) few.push({ ...base, userId: original.author_id, type: 'share', groupKey: `share:${original.id}` });
  }
  const drafts = await readersOnly(db, post.id, few);
  // Many readers: members of the group, or everyone an announcement asks — readers by construction.
  if (post.requires_confirmation === 1) {
    for (const r of await announcementReaders(db, post).execute())
      drafts.push({ ...base, userId: r.id, type: 'announcement', groupKey: `announcement:${post.id}` });
  } else if (post.group_id && !(await db.selectFrom('polls').select('id').where('post_id', '=', post.id).executeTakeFirst())) {
    // (A poll tells the group itself, as `poll`: features/polls/notifications.ts.)
    const members = await db
      .selectFrom('group_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.user_id')
      .where('m.group_id', '=', post.group_id)
      .where('u.status', '=', 'active')
      .execute();
    for (const m of members) drafts.push({ ...base, userId: m.user_id, type: 'group_post', groupKey: `group_post:${post.group_id}` });
  }
  return drafts;
});

notifyOn('comment.created', async (db, event) => {
  const commentId = typeof event.payload.commentId === 'string' ? event.payload.commentId : null;
  const post = event.subjectId ? await repo.findPost(db, event.subjectId) : undefined;
  const comment = commentId ? await db.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirst() : undefined;
  if (!post || post.deleted_at || !comment || comment.deleted_at) return [];
  const base = { postId: post.id, groupId: post.group_id, target: { kind: 'comment' as const, id: comment.id } };
  const drafts: NotificationDraft[] = ids(comment.mentions).map((userId) => ({
    ...base,
    userId,
    type: 'mention',
    groupKey: `mention:${post.id}`,
    detail: 'comment',
  }));
  if (comment.parent_id) {
    const parent = await db.selectFrom('comments').select('author_id').where('id', '=', comment.parent_id).executeTakeFirst();
    if (parent?.author_id) drafts.push({ ...base, userId: parent.author_id, type: 'reply', groupKey: `reply:${comment.parent_id}` });
  }
  if (post.author_id) drafts.push({ ...base, userId: post.author_id, type: 'comment', groupKey: `comment:${post.id}` });
  return readersOnly(db, post.id, drafts);
});

notifyOn('post.reacted', async (db, event) => {
  const post = event.subjectId ? await repo.findPost(db, event.subjectId) : undefined;
  const subjectType = event.payload.subjectType === 'comment' ? 'comment' : 'post';
  const subjectId = typeof event.payload.subjectId === 'string' ? event.payload.subjectId : post?.id;
  if (!post || post.deleted_at || !subjectId || !event.actorId) return [];
  // A reaction taken back (or already gone) tells nobody anything.
  const still = await db
    .selectFrom('reactions')
    .select('kind')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('user_id', '=', event.actorId)
    .executeTakeFirst();
  if (!still) return [];
  const authorId =
    subjectType === 'comment'
      ? (await db.selectFrom('comments').select('author_id').where('id', '=', subjectId).executeTakeFirst())?.author_id
      : post.author_id;
  if (!authorId) return [];
  return readersOnly(db, post.id, [
    {
      userId: authorId,
      type: 'reaction',
      groupKey: `reaction:${subjectType}:${subjectId}`,
      postId: post.id,
      groupId: post.group_id,
      target: { kind: subjectType, id: subjectId },
      detail: subjectType,
    },
  ]);
});

notifyOn('announcement.reminded', async (db, event) => {
  const post = event.subjectId ? await repo.findPost(db, event.subjectId) : undefined;
  if (!post || post.deleted_at || post.requires_confirmation !== 1) return [];
  const pending = await announcementReaders(db, post)
    .where('id', 'not in', db.selectFrom('post_confirmations').select('user_id').where('post_id', '=', post.id))
    .execute();
  return pending.map((r) => ({
    userId: r.id,
    type: 'announcement' as const,
    groupKey: `announcement:${post.id}`,
    postId: post.id,
    groupId: post.group_id,
    target: { kind: 'post' as const, id: post.id },
    detail: 'reminder',
  }));
});

/** Loaded for its declarations. */
export const feedNotifications = true;
