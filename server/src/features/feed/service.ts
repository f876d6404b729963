import {
  type Comment,
  type ConfirmationList,
  type ConfirmationReminder,
  type CreateComment,
  type CreatePost,
  Limits,
  type Post,
  type ReactionKind,
  type UpdatePost,
} from '@innenhof/contract';
import type { Executor, Tx } from '../../core/db/index.js';
import { AppError, fieldError, NotFoundError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, encodeCursor, pageOf } from '../../core/pagination.js';
import { type Action, type Actor, authorize, can } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { groupsForFeed, memberIdsMatching } from '../groups/service.js';
import { insertPoll, validateNewPoll } from '../polls/service.js';
import { getAnnouncers } from '../settings/repository.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import { visibleUser } from '../users/service.js';
import type { PostFacts } from './policy.js';
import { queueLinkPreview } from './link-preview.js';
import './policy.js';
import { postFacts, presentComments, presentPosts } from './presenter.js';
import * as repo from './repository.js';

const NOT_FOUND = 'Post';

interface LoadedPost {
  row: repo.PostRow;
  facts: PostFacts;
}

/** A post the actor may read, or 404 exactly as for one that does not exist; then `action` is checked (403). */
export async function loadPost(db: Executor, actor: Actor, id: string, action?: Action): Promise<LoadedPost> {
  const row = await repo.findPost(db, id);
  const group = row?.group_id ? (await groupsForFeed(db, actor.id, [row.group_id])).get(row.group_id) : undefined;
  const facts = row ? postFacts(row, group) : null;
  authorize(actor, 'post.read', facts, NOT_FOUND);
  if (action) authorize(actor, action as 'post.edit', facts, NOT_FOUND);
  return { row: row as repo.PostRow, facts: facts as PostFacts };
}

/** #hashtags in a text: letters, digits and _ after a #, lower-cased, unique, at most 30. */
export function hashtagsIn(text: string): string[] {
  const tags = new Set<string>();
  for (const m of text.matchAll(/(^|[^\p{L}\p{N}_&/#])#([\p{L}\p{N}_]{1,50})/gu)) {
    const tag = (m[2] as string).toLowerCase();
    if (!/^\d+$/.test(tag)) tags.add(tag);
  }
  return [...tags].slice(0, 30);
}

/** Mentioned people must exist and be able to read the post (a private group's post mentions only its members). */
async function checkMentions(ctx: AppContext, facts: Omit<PostFacts, 'groupRole'>, groupId: string | null, mentionIds: string[], field: string): Promise<void> {
  if (mentionIds.length === 0) return;
  const people = await users.findByIds(ctx.db.db, mentionIds);
  for (const [i, id] of mentionIds.entries()) {
    const p = people.get(id);
    if (!p || p.status !== 'active') throw fieldError(`${field}.${i}`, 'no such colleague');
    const role = groupId ? ((await groupsForFeed(ctx.db.db, id, [groupId])).get(groupId)?.role ?? null) : null;
    const them: Actor = { id: p.id, role: p.role, status: p.status };
    if (!can(them, 'post.read', { ...facts, groupRole: role })) throw fieldError(`${field}.${i}`, 'cannot see this post');
  }
}

export async function createPost(ctx: AppContext, actor: Actor, input: CreatePost): Promise<Post> {
  const db = ctx.db.db;
  const groupId = input.audience.kind === 'group' ? input.audience.groupId : null;
  const group = groupId ? (await groupsForFeed(db, actor.id, [groupId])).get(groupId) : undefined;
  if (groupId && (!group || !can(actor, 'post.read', { ...postFacts({ audience: 'group', group_id: groupId } as repo.PostRow, group), deleted: false }))) {
    throw fieldError('audience.groupId', 'no such group');
  }
  const announcer = input.audience.kind === 'company' && (await getAnnouncers(db)).includes(actor.id);
  authorize(actor, 'post.create', { audience: input.audience.kind, groupRole: group?.role ?? null, groupArchived: group?.archived ?? false, announcer });
  const attachmentIds = input.attachmentIds ?? [];
  if (input.body.trim() === '' && attachmentIds.length === 0 && !input.sharedPostId && !input.poll)
    throw fieldError('body', 'write something, attach a file or share a post');
  const poll = input.poll ? validateNewPoll(input.poll) : null;
  if (input.announcement && input.audience.kind === 'profile') throw fieldError('announcement', 'announcements go to the company or a group');
  if (input.announcement && input.audience.kind === 'group' && !(group?.role === 'owner' || group?.role === 'moderator')) {
    throw new AppError(403, 'forbidden', 'Only the group’s owners and moderators make announcements');
  }
  const facts = {
    id: '',
    audience: input.audience.kind,
    authorId: actor.id,
    groupVisibility: group?.visibility ?? null,
    groupArchived: false,
    commentsDisabled: false,
    deleted: false,
  };
  if (input.sharedPostId) {
    const original = await loadPost(db, actor, input.sharedPostId, 'post.share').catch((err: unknown) => {
      if (err instanceof NotFoundError) throw fieldError('sharedPostId', 'no such post');
      throw err;
    });
    // The target audience is the same or narrower: a public group's post may go anywhere inside the company.
    void original;
  }
  const mentions = input.mentions ?? [];
  await checkMentions(ctx, facts, groupId, mentions, 'mentions');
  for (const [i, a] of attachmentIds.entries()) {
    const att = await db.selectFrom('post_attachments').select(['uploader_id', 'post_id']).where('id', '=', a).executeTakeFirst();
    if (!att || att.uploader_id !== actor.id || att.post_id !== null) throw fieldError(`attachmentIds.${i}`, 'no such upload of yours');
  }
  const row: repo.PostRow = {
    id: newId(),
    author_id: actor.id,
    audience: input.audience.kind,
    group_id: groupId,
    body: input.body,
    mentions: mentions.length ? JSON.stringify(mentions) : null,
    shared_post_id: input.sharedPostId ?? null,
    link_preview: null,
    announcement: input.announcement ? 1 : 0,
    requires_confirmation: input.announcement?.requiresConfirmation ? 1 : 0,
    featured_until: input.announcement?.featuredUntil ?? null,
    reminded_at: null,
    comments_disabled: 0,
    pinned_at: null,
    created_at: now(),
    edited_at: null,
    deleted_at: null,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.db.insertInto('posts').values(row).execute();
    const tags = hashtagsIn(row.body);
    if (tags.length)
      await tx.db
        .insertInto('post_hashtags')
        .values(tags.map((tag) => ({ post_id: row.id, tag })))
        .execute();
    for (const [position, a] of attachmentIds.entries()) {
      await tx.db.updateTable('post_attachments').set({ post_id: row.id, position }).where('id', '=', a).execute();
    }
    await appendEvent(tx, { type: 'post.created', actorId: actor.id, subjectId: row.id, payload: { audience: row.audience, groupId } }, ctx.outbox);
    if (poll) await insertPoll(ctx, tx, actor, row, poll);
    await queueLinkPreview(ctx, tx, row.id, row.body);
  });
  const [post] = await presentPosts(db, actor, [row]);
  return post as Post;
}

/**
 * The post announcing an event (its comments are the event's), written in the event's own transaction:
 * a group event in its group, a company event company-wide (`company`: every employee's home feed, but no announcement).
 * No hashtags or mentions; the feed shows the event itself (`post.event`).
 */
export async function insertEventPost(tx: Tx, input: { authorId: string; audience: 'company' | 'group'; groupId: string | null }): Promise<string> {
  const id = newId();
  await tx.db
    .insertInto('posts')
    .values({
      id,
      author_id: input.authorId,
      audience: input.audience,
      group_id: input.groupId,
      body: '',
      mentions: null,
      shared_post_id: null,
      link_preview: null,
      announcement: 0,
      requires_confirmation: 0,
      featured_until: null,
      reminded_at: null,
      comments_disabled: 0,
      pinned_at: null,
      created_at: now(),
      edited_at: null,
      deleted_at: null,
    })
    .execute();
  return id;
}

export async function getPost(ctx: AppContext, actor: Actor, id: string): Promise<Post> {
  const { row } = await loadPost(ctx.db.db, actor, id);
  const [post] = await presentPosts(ctx.db.db, actor, [row]);
  return post as Post;
}

export async function feed(
  ctx: AppContext,
  actor: Actor,
  source: repo.FeedSource,
  query: { cursor?: string; limit?: number },
): Promise<{ items: Post[]; pinned: Post[]; nextCursor: string | null }> {
  const limit = query.limit ?? 20;
  const before = decodeCursor(query.cursor, 1);
  const db = ctx.db.db;
  const [rows, top] = await Promise.all([
    repo.feedPage(db, ctx.db.dialect, actor, source, before ? String(before[0]) : undefined, limit),
    before ? Promise.resolve([]) : source.kind === 'home' ? repo.featured(db, actor, now()) : repo.pinned(db, actor, source),
  ]);
  const page = rows.slice(0, limit);
  const topIds = new Set(top.map((r) => r.id));
  const presented = await presentPosts(db, actor, [...top, ...page.filter((r) => !topIds.has(r.id))]);
  const last = page[page.length - 1];
  return {
    pinned: presented.slice(0, top.length),
    items: presented.slice(top.length),
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}

export async function updatePost(ctx: AppContext, actor: Actor, id: string, input: UpdatePost): Promise<Post> {
  const db = ctx.db.db;
  const { row, facts } = await loadPost(db, actor, id);
  if (input.body !== undefined || input.mentions !== undefined) authorize(actor, 'post.edit', facts, NOT_FOUND);
  if (input.commentsDisabled !== undefined) authorize(actor, 'post.disable_comments', facts, NOT_FOUND);
  if (input.pinned !== undefined) authorize(actor, 'post.pin', facts, NOT_FOUND);
  const body = input.body ?? row.body;
  if (input.body !== undefined && body.trim() === '' && !row.shared_post_id) {
    const hasFiles = await db.selectFrom('post_attachments').select('id').where('post_id', '=', row.id).executeTakeFirst();
    // A poll's introduction may be empty.
    const isPoll = await db.selectFrom('polls').select('id').where('post_id', '=', row.id).executeTakeFirst();
    if (!hasFiles && !isPoll) throw fieldError('body', 'write something');
  }
  const mentions = input.mentions ?? (row.mentions ? (JSON.parse(row.mentions) as string[]) : []);
  if (input.mentions) await checkMentions(ctx, facts, row.group_id, mentions, 'mentions');
  if (input.pinned) {
    const source: repo.FeedSource = row.group_id ? { kind: 'group', groupId: row.group_id } : { kind: 'profile', userId: row.author_id ?? '' };
    const already = await repo.pinned(db, actor, source);
    if (!already.some((p) => p.id === row.id) && already.length >= 3) {
      throw new AppError(409, 'conflict', 'At most 3 posts can be pinned here: unpin one first');
    }
  }
  const t = now();
  await ctx.db.transaction(async (tx) => {
    if (input.body !== undefined && input.body !== row.body) {
      // The version history keeps what readers saw before.
      await tx.db
        .insertInto('post_versions')
        .values({ post_id: row.id, body: row.body, edited_at: row.edited_at ?? row.created_at })
        .execute();
      await tx.db.deleteFrom('post_hashtags').where('post_id', '=', row.id).execute();
      await queueLinkPreview(ctx, tx, row.id, body, row.body);
      const tags = hashtagsIn(body);
      if (tags.length)
        await tx.db
          .insertInto('post_hashtags')
          .values(tags.map((tag) => ({ post_id: row.id, tag })))
          .execute();
    }
    await tx.db
      .updateTable('posts')
      .set({
        ...(input.body !== undefined && input.body !== row.body ? { body, edited_at: t } : {}),
        ...(input.mentions !== undefined ? { mentions: mentions.length ? JSON.stringify(mentions) : null } : {}),
        ...(input.commentsDisabled !== undefined ? { comments_disabled: input.commentsDisabled ? 1 : 0 } : {}),
        ...(input.pinned !== undefined ? { pinned_at: input.pinned ? t : null } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    await appendEvent(tx, { type: 'post.updated', actorId: actor.id, subjectId: row.id, payload: { groupId: row.group_id } }, ctx.outbox);
  });
  return getPost(ctx, actor, row.id);
}

/** Earlier versions of an edited post, newest first (readers open them from "edited"). */
export async function versions(ctx: AppContext, actor: Actor, id: string): Promise<Array<{ body: string; editedAt: string }>> {
  const { row } = await loadPost(ctx.db.db, actor, id);
  const rows = await ctx.db.db.selectFrom('post_versions').selectAll().where('post_id', '=', row.id).orderBy('edited_at', 'desc').execute();
  return rows.map((r) => ({ body: r.body, editedAt: r.edited_at }));
}

/** Deleting removes the post everywhere at once (feeds, hashtag pages, shares show "unavailable"). */
export async function deletePost(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { row } = await loadPost(ctx.db.db, actor, id, 'post.delete');
  const files = await ctx.db.db.selectFrom('post_attachments').select('file_id').where('post_id', '=', row.id).execute();
  await ctx.db.transaction(async (tx) => {
    await tx.db.updateTable('posts').set({ deleted_at: now(), body: '', mentions: null, link_preview: null }).where('id', '=', row.id).execute();
    await tx.db.deleteFrom('post_hashtags').where('post_id', '=', row.id).execute();
    await tx.db.deleteFrom('post_versions').where('post_id', '=', row.id).execute();
    await tx.db.deleteFrom('post_attachments').where('post_id', '=', row.id).execute();
    await appendEvent(tx, { type: 'post.deleted', actorId: actor.id, subjectId: row.id, payload: { groupId: row.group_id } }, ctx.outbox);
  });
  for (const f of files) await ctx.storage.remove(ctx.db.db, f.file_id).catch(() => undefined);
}

/** One reaction per person (a new kind replaces the old); null removes it. */
export async function reactToPost(ctx: AppContext, actor: Actor, id: string, kind: string | null): Promise<Post> {
  const { row } = await loadPost(ctx.db.db, actor, id, 'post.react');
  await setReaction(ctx, actor, 'post', row.id, kind, row);
  return getPost(ctx, actor, row.id);
}

async function setReaction(ctx: AppContext, actor: Actor, type: 'post' | 'comment', subjectId: string, kind: string | null, post: repo.PostRow) {
  await ctx.db.transaction(async (tx) => {
    // An upsert: two clicks at the same moment (PostgreSQL runs them side by side) leave one reaction, not an error.
    if (kind)
      await tx.db
        .insertInto('reactions')
        .values({ subject_type: type, subject_id: subjectId, user_id: actor.id, kind, created_at: now() })
        .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'user_id']).doUpdateSet({ kind, created_at: now() }))
        .execute();
    else await tx.db.deleteFrom('reactions').where('subject_type', '=', type).where('subject_id', '=', subjectId).where('user_id', '=', actor.id).execute();
    await appendEvent(
      tx,
      { type: 'post.reacted', actorId: actor.id, subjectId: post.id, payload: { groupId: post.group_id, subjectType: type, subjectId } },
      ctx.outbox,
    );
  });
}

/** Who reacted, optionally one kind; newest first. */
/** Who reacted (newest first, a page at a time): the same visibility as the post. */
export async function reactors(
  ctx: AppContext,
  actor: Actor,
  postId: string,
  query: { commentId?: string; kind?: string; cursor?: string; limit?: number },
): Promise<{ items: Array<{ user: ReturnType<typeof presentSummary>; kind: ReactionKind }>; nextCursor: string | null }> {
  const { row } = await loadPost(ctx.db.db, actor, postId);
  if (query.commentId && !(await findComment(ctx.db.db, row.id, query.commentId))) throw new NotFoundError('Comment');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const subject = query.commentId ? { type: 'comment' as const, id: query.commentId } : { type: 'post' as const, id: row.id };
  const rows = await repo.reactorsPage(ctx.db.db, subject, query.kind, after, limit);
  const people = await users.findByIds(
    ctx.db.db,
    rows.map((r) => r.user_id),
  );
  return pageOf(
    rows,
    limit,
    (r) => [r.created_at, r.user_id],
    (page) =>
      page.flatMap((r) => {
        const u = people.get(r.user_id);
        return u ? [{ user: presentSummary(u), kind: r.kind as ReactionKind }] : [];
      }),
  );
}

async function findComment(db: Executor, postId: string, id: string): Promise<repo.CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('post_id', '=', postId).where('id', '=', id).executeTakeFirst();
}

export async function listComments(
  ctx: AppContext,
  actor: Actor,
  postId: string,
  query: { parentId?: string; order?: 'oldest' | 'newest'; cursor?: string; limit?: number },
): Promise<{ items: Comment[]; nextCursor: string | null }> {
  const { row, facts } = await loadPost(ctx.db.db, actor, postId);
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, 1);
  const rows = await repo.commentsPage(ctx.db.db, row.id, query.parentId ?? null, query.order ?? 'oldest', after ? String(after[0]) : undefined, limit);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: await presentComments(ctx.db.db, actor, facts, page), nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}

export async function createComment(ctx: AppContext, actor: Actor, postId: string, input: CreateComment): Promise<Comment> {
  const { row, facts } = await loadPost(ctx.db.db, actor, postId, 'post.comment');
  if (input.parentId) {
    const parent = await findComment(ctx.db.db, row.id, input.parentId);
    if (!parent || parent.deleted_at) throw fieldError('parentId', 'no such comment on this post');
    // One level of replies: a reply to a reply goes to the same thread.
    if (parent.parent_id) input = { ...input, parentId: parent.parent_id };
  }
  const mentions = input.mentions ?? [];
  await checkMentions(ctx, facts, row.group_id, mentions, 'mentions');
  const c: repo.CommentRow = {
    id: newId(),
    post_id: row.id,
    parent_id: input.parentId ?? null,
    author_id: actor.id,
    body: input.body,
    mentions: mentions.length ? JSON.stringify(mentions) : null,
    created_at: now(),
    edited_at: null,
    deleted_at: null,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.db.insertInto('comments').values(c).execute();
    await appendEvent(tx, { type: 'comment.created', actorId: actor.id, subjectId: row.id, payload: { groupId: row.group_id, commentId: c.id } }, ctx.outbox);
  });
  const [presented] = await presentComments(ctx.db.db, actor, facts, [c]);
  return presented as Comment;
}

async function loadComment(ctx: AppContext, actor: Actor, postId: string, commentId: string) {
  const post = await loadPost(ctx.db.db, actor, postId);
  const c = await findComment(ctx.db.db, post.row.id, commentId);
  if (!c) throw new NotFoundError('Comment');
  return { post, c, facts: { post: post.facts, authorId: c.author_id, deleted: c.deleted_at !== null } };
}

export async function updateComment(ctx: AppContext, actor: Actor, postId: string, commentId: string, body: string, mentionIds?: string[]): Promise<Comment> {
  const { post, c, facts } = await loadComment(ctx, actor, postId, commentId);
  authorize(actor, 'comment.edit', facts, 'Comment');
  const mentions = mentionIds ?? (c.mentions ? (JSON.parse(c.mentions) as string[]) : []);
  if (mentionIds) await checkMentions(ctx, post.facts, post.row.group_id, mentions, 'mentions');
  const next = { ...c, body, mentions: mentions.length ? JSON.stringify(mentions) : null, edited_at: now() };
  await ctx.db.transaction(async (tx) => {
    await tx.db.updateTable('comments').set({ body: next.body, mentions: next.mentions, edited_at: next.edited_at }).where('id', '=', c.id).execute();
    await appendEvent(
      tx,
      { type: 'comment.updated', actorId: actor.id, subjectId: post.row.id, payload: { groupId: post.row.group_id, commentId: c.id } },
      ctx.outbox,
    );
  });
  const [presented] = await presentComments(ctx.db.db, actor, post.facts, [next]);
  return presented as Comment;
}

export async function deleteComment(ctx: AppContext, actor: Actor, postId: string, commentId: string): Promise<void> {
  const { post, c, facts } = await loadComment(ctx, actor, postId, commentId);
  authorize(actor, 'comment.delete', facts, 'Comment');
  await ctx.db.transaction(async (tx) => {
    await tx.db.updateTable('comments').set({ body: '', mentions: null, deleted_at: now() }).where('id', '=', c.id).execute();
    await tx.db.deleteFrom('reactions').where('subject_type', '=', 'comment').where('subject_id', '=', c.id).execute();
    await appendEvent(
      tx,
      { type: 'comment.deleted', actorId: actor.id, subjectId: post.row.id, payload: { groupId: post.row.group_id, commentId: c.id } },
      ctx.outbox,
    );
  });
}

export async function reactToComment(ctx: AppContext, actor: Actor, postId: string, commentId: string, kind: string | null): Promise<Comment> {
  const { post, c } = await loadComment(ctx, actor, postId, commentId);
  if (c.deleted_at || !can(actor, 'post.react', post.facts)) throw new AppError(403, 'forbidden', 'You cannot react here');
  await setReaction(ctx, actor, 'comment', c.id, kind, post.row);
  const [presented] = await presentComments(ctx.db.db, actor, post.facts, [c]);
  return presented as Comment;
}

export async function setSaved(ctx: AppContext, actor: Actor, postId: string, saved: boolean): Promise<void> {
  const { row } = await loadPost(ctx.db.db, actor, postId);
  if (saved) {
    await ctx.db.db
      .insertInto('saved_posts')
      .values({ user_id: actor.id, post_id: row.id, created_at: now() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await ctx.db.db.deleteFrom('saved_posts').where('user_id', '=', actor.id).where('post_id', '=', row.id).execute();
  }
}

/** "I have read this" on an announcement that asks for it (idempotent). */
export async function confirm(ctx: AppContext, actor: Actor, postId: string): Promise<Post> {
  const { row, facts } = await loadPost(ctx.db.db, actor, postId);
  if (row.requires_confirmation !== 1) throw new AppError(409, 'conflict', 'This post does not ask for confirmation');
  authorize(actor, 'post.confirm', facts, NOT_FOUND);
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .insertInto('post_confirmations')
      .values({ post_id: row.id, user_id: actor.id, confirmed_at: now() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) {
      await appendEvent(tx, { type: 'post.confirmed', actorId: actor.id, subjectId: row.id, payload: { groupId: row.group_id } }, ctx.outbox);
    }
  });
  return getPost(ctx, actor, row.id);
}

/** The readers of an announcement besides its author: every active employee, or the group's members. */
export function announcementReaders(db: Executor, row: repo.PostRow) {
  let audience = db
    .selectFrom('users')
    .select('id')
    .where('status', '=', 'active')
    .where('id', '!=', row.author_id ?? '');
  audience =
    row.audience === 'group' && row.group_id
      ? audience.where('id', 'in', db.selectFrom('group_members').select('user_id').where('group_id', '=', row.group_id))
      : audience.where('role', '!=', 'guest');
  return audience;
}

/** Who confirmed an announcement and who has not yet (author, admins, group moderators). */
export async function confirmationList(ctx: AppContext, actor: Actor, postId: string): Promise<ConfirmationList> {
  const { row } = await loadPost(ctx.db.db, actor, postId, 'post.view_confirmations');
  const db = ctx.db.db;
  const confirmed = await db.selectFrom('post_confirmations').select(['user_id', 'confirmed_at']).where('post_id', '=', row.id).execute();
  const everyone = (await announcementReaders(db, row).execute()).map((r) => r.id);
  const at = new Map(confirmed.map((c) => [c.user_id, c.confirmed_at]));
  const people = await users.findByIds(db, everyone);
  const list = everyone.flatMap((id) => {
    const u = people.get(id);
    return u ? [{ user: presentSummary(u), confirmedAt: at.get(id) ?? null }] : [];
  });
  list.sort((a, b) => a.user.name.localeCompare(b.user.name));
  return { confirmed: list.filter((x) => x.confirmedAt), pending: list.filter((x) => !x.confirmedAt), remindedAt: row.reminded_at };
}

/**
 * "Remind the rest": the readers who have not confirmed hear of it live (`announcement.reminded` to the
 * post's audience; each client checks its own confirmation) — once an hour at most (429 with Retry-After).
 */
export async function remindUnconfirmed(ctx: AppContext, actor: Actor, postId: string): Promise<ConfirmationReminder> {
  const { row } = await loadPost(ctx.db.db, actor, postId, 'post.view_confirmations');
  if (row.requires_confirmation !== 1 || row.deleted_at) throw new AppError(409, 'conflict', 'This post does not ask for confirmation');
  const at = now();
  const since = new Date(Date.now() - Limits.confirmationReminderMinutes * 60_000).toISOString();
  return ctx.db.transaction(async (tx) => {
    const updated = await tx.db
      .updateTable('posts')
      .set({ reminded_at: at })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', since)]))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const last = (await tx.db.selectFrom('posts').select('reminded_at').where('id', '=', row.id).executeTakeFirstOrThrow()).reminded_at ?? at;
      const retryAfter = Math.max(1, Math.ceil((Date.parse(last) + Limits.confirmationReminderMinutes * 60_000 - Date.now()) / 1000));
      throw new AppError(429, 'rate_limited', `The readers were reminded at ${last}; the next reminder is possible in ${Math.ceil(retryAfter / 60)} min`, {
        retryAfter,
      });
    }
    const pending = await tx.db
      .selectFrom(announcementReaders(tx.db, row).as('r'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.id', 'not in', tx.db.selectFrom('post_confirmations').select('user_id').where('post_id', '=', row.id))
      .executeTakeFirstOrThrow();
    await appendEvent(tx, { type: 'announcement.reminded', actorId: actor.id, subjectId: row.id, payload: { groupId: row.group_id } }, ctx.outbox);
    return { reminded: Number(pending.n), remindedAt: at };
  });
}

export async function follow(ctx: AppContext, actor: Actor, targetType: 'user' | 'hashtag', target: string, on: boolean): Promise<void> {
  if (targetType === 'user') {
    const u = (await users.findByIds(ctx.db.db, [target])).get(target);
    if (!u || u.id === actor.id || actor.role === 'guest') throw new NotFoundError('User');
  }
  if (on) {
    await ctx.db.db
      .insertInto('follows')
      .values({ follower_id: actor.id, target_type: targetType, target, created_at: now() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await ctx.db.db.deleteFrom('follows').where('follower_id', '=', actor.id).where('target_type', '=', targetType).where('target', '=', target).execute();
  }
}

/** A person whose timeline the actor may open (404 like a missing person otherwise). */
export async function visibleAuthor(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  return (await visibleUser(ctx, actor, id)).id;
}

/**
 * @mention suggestions for a post's audience: only people who will be able to read it (a private group's
 * post suggests its members; a profile post or announcement, employees).
 */
export async function mentionSuggestions(ctx: AppContext, actor: Actor, q: string, groupId: string | undefined) {
  const db = ctx.db.db;
  let ids: string[];
  if (groupId) {
    const group = (await groupsForFeed(db, actor.id, [groupId])).get(groupId);
    if (!group || !(group.role !== null || actor.role === 'admin')) throw new NotFoundError('Group');
    ids = await memberIdsMatching(db, group.id, q, 10);
  } else {
    if (actor.role === 'guest') return [];
    const rows = await users.listDirectory(db, ctx.db.dialect, { q, status: 'active', includeGuests: false, sort: 'name', limit: 10 });
    ids = rows.map((r) => r.id);
  }
  const people = await users.findByIds(db, ids);
  return ids.flatMap((id) => {
    const u = people.get(id);
    return u && u.id !== actor.id ? [presentSummary(u)] : [];
  });
}

/** #hashtag suggestions: tags starting with `q` among posts the actor can read, most used first. */
export async function hashtagSuggestions(ctx: AppContext, actor: Actor, q: string): Promise<Array<{ tag: string; count: number }>> {
  const prefix = `${q
    .toLowerCase()
    .replace(/^#/, '')
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await repo.tagCounts(ctx.db.db, actor, prefix, 10);
  return rows;
}

/** A hashtag page's header: how many readable posts carry it and whether I follow it. */
export async function hashtagInfo(ctx: AppContext, actor: Actor, tag: string): Promise<{ tag: string; postCount: number; following: boolean }> {
  const [counts, follows] = await Promise.all([
    repo.tagCounts(
      ctx.db.db,
      actor,
      tag.replace(/[\\%_]/g, (c) => `\\${c}`),
      1,
    ),
    ctx.db.db
      .selectFrom('follows')
      .select('target')
      .where('follower_id', '=', actor.id)
      .where('target_type', '=', 'hashtag')
      .where('target', '=', tag)
      .executeTakeFirst(),
  ]);
  return { tag, postCount: counts[0]?.tag === tag ? counts[0].count : 0, following: Boolean(follows) };
}

/**
 * The posts among `ids` the actor may read now (deleted ones excluded), for things that point at posts
 * from elsewhere — notifications, e-mails. A fixed number of queries for any count.
 */
export async function readablePosts(db: Executor, actor: Actor, ids: readonly string[]): Promise<Map<string, repo.PostRow>> {
  const rows = await repo.postsByIds(db, ids);
  const groups = await groupsForFeed(
    db,
    actor.id,
    [...rows.values()].map((r) => r.group_id).filter((x): x is string => Boolean(x)),
  );
  const out = new Map<string, repo.PostRow>();
  for (const [id, row] of rows) {
    if (row.deleted_at) continue;
    if (can(actor, 'post.read', postFacts(row, row.group_id ? groups.get(row.group_id) : undefined))) out.set(id, row);
  }
  return out;
}
