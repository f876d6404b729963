import { eventsForPosts } from '../events/for-posts.js';
import { pollsForPosts } from '../polls/for-posts.js';
import type { Comment, Post, PostAttachment, ReactionKind, ReactionSummary } from '@innenhof/contract';
import { ReactionKinds } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import { type Actor, can } from '../../core/policy/index.js';
import { presentStoredAttachment } from '../../core/storage.js';
import { type GroupForFeed, groupsForFeed } from '../groups/service.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import { storedPreview } from './link-preview.js';
import type { CommentFacts, PostFacts } from './policy.js';
import './policy.js';
import * as repo from './repository.js';

const ids = (json: string | null): string[] => {
  if (!json) return [];
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

export function postFacts(row: repo.PostRow, group: GroupForFeed | undefined): PostFacts {
  return {
    id: row.id,
    audience: row.audience,
    authorId: row.author_id,
    groupRole: group?.role ?? null,
    groupVisibility: group?.visibility ?? null,
    groupArchived: group?.archived ?? false,
    commentsDisabled: row.comments_disabled === 1,
    deleted: row.deleted_at !== null,
    requiresConfirmation: row.requires_confirmation === 1,
  };
}

export function presentAttachment(a: repo.AttachmentRow, postId: string): PostAttachment {
  return presentStoredAttachment(a, `/api/v1/posts/${postId}/attachments/${a.id}`);
}

function summary(counts: Map<string, number> | undefined, mine: string | undefined): ReactionSummary {
  const list = ReactionKinds.flatMap((kind) => {
    const count = counts?.get(kind) ?? 0;
    return count > 0 ? [{ kind, count }] : [];
  }).sort((a, b) => b.count - a.count);
  return { total: list.reduce((n, c) => n + c.count, 0), counts: list, mine: (mine as ReactionKind | undefined) ?? null };
}

interface Loaded {
  people: Map<string, users.UserRow>;
  reactions: Awaited<ReturnType<typeof repo.reactionSummaries>>;
  replies: Map<string, number>;
}

function presentComment(actor: Actor, c: repo.CommentRow, post: PostFacts, l: Loaded): Comment {
  const deleted = c.deleted_at !== null;
  const facts: CommentFacts = { post, authorId: c.author_id, deleted };
  const author = c.author_id ? l.people.get(c.author_id) : undefined;
  return {
    id: c.id,
    postId: c.post_id,
    parentId: c.parent_id,
    author: author ? presentSummary(author) : null,
    body: deleted ? '' : c.body,
    mentions: deleted ? [] : ids(c.mentions).flatMap((id) => (l.people.get(id) ? [{ id, name: l.people.get(id)?.name ?? '' }] : [])),
    reactions: summary(l.reactions.counts.get(c.id), l.reactions.mine.get(c.id)),
    replyCount: l.replies.get(c.id) ?? 0,
    createdAt: c.created_at,
    editedAt: c.edited_at,
    deletedAt: c.deleted_at,
    abilities: {
      edit: can(actor, 'comment.edit', facts),
      delete: can(actor, 'comment.delete', facts),
      reply: c.parent_id === null && !deleted && can(actor, 'post.comment', post),
      react: !deleted && can(actor, 'post.react', post),
    },
  };
}

/** Comments of one post, for the actor (a fixed number of queries for any page). */
export async function presentComments(db: Executor, actor: Actor, post: PostFacts, rows: repo.CommentRow[]): Promise<Comment[]> {
  const commentIds = rows.map((c) => c.id);
  const [people, reactions, replies] = await Promise.all([
    users.findByIds(
      db,
      [...rows.map((c) => c.author_id), ...rows.flatMap((c) => ids(c.mentions))].filter((x): x is string => Boolean(x)),
    ),
    repo.reactionSummaries(db, actor.id, [{ type: 'comment', ids: commentIds }]),
    repo.replyCounts(db, commentIds),
  ]);
  return rows.map((c) => presentComment(actor, c, post, { people, reactions, replies }));
}

/**
 * Posts for the actor, who may read each (the caller made sure). The number of queries is fixed, whatever
 * the page holds: no query per post (a test counts them).
 */
export async function presentPosts(db: Executor, actor: Actor, rows: repo.PostRow[]): Promise<Post[]> {
  const postIds = rows.map((r) => r.id);
  const sharedIds = rows.map((r) => r.shared_post_id).filter((x): x is string => Boolean(x));
  const shared = await repo.postsByIds(db, sharedIds);
  const allPosts = [...rows, ...shared.values()];
  const allIds = allPosts.map((p) => p.id);
  const [groups, attachments, hashtags, commentCounts, latest, saved, confirmations, polls, events] = await Promise.all([
    groupsForFeed(
      db,
      actor.id,
      allPosts.map((p) => p.group_id).filter((x): x is string => Boolean(x)),
    ),
    repo.attachmentsOf(db, allIds),
    repo.hashtagsOf(db, allIds),
    repo.commentCounts(db, postIds),
    repo.latestComments(db, postIds, 2),
    repo.savedOf(db, actor.id, postIds),
    repo.confirmations(db, actor.id, postIds),
    pollsForPosts(db, actor, postIds),
    eventsForPosts(db, actor, postIds),
  ]);
  const latestIds = latest.map((c) => c.id);
  const [people, reactions, replies] = await Promise.all([
    users.findByIds(
      db,
      [
        ...allPosts.map((p) => p.author_id),
        ...allPosts.flatMap((p) => ids(p.mentions)),
        ...latest.map((c) => c.author_id),
        ...latest.flatMap((c) => ids(c.mentions)),
      ].filter((x): x is string => Boolean(x)),
    ),
    repo.reactionSummaries(db, actor.id, [
      { type: 'post', ids: postIds },
      { type: 'comment', ids: latestIds },
    ]),
    repo.replyCounts(db, latestIds),
  ]);
  const loaded: Loaded = { people, reactions, replies };

  const core = (p: repo.PostRow) => {
    const group = p.group_id ? groups.get(p.group_id) : undefined;
    const author = p.author_id ? people.get(p.author_id) : undefined;
    const deleted = p.deleted_at !== null;
    return {
      id: p.id,
      author: author ? presentSummary(author) : null,
      audience: {
        kind: p.audience,
        group: group ? { id: group.id, slug: group.slug, name: group.name, visibility: group.visibility } : null,
      },
      body: deleted ? '' : p.body,
      mentions: deleted ? [] : ids(p.mentions).flatMap((id) => (people.get(id) ? [{ id, name: people.get(id)?.name ?? '' }] : [])),
      hashtags: deleted ? [] : (hashtags.get(p.id) ?? []),
      attachments: deleted ? [] : (attachments.get(p.id) ?? []).map((a) => presentAttachment(a, p.id)),
      linkPreview: deleted ? null : storedPreview(p.link_preview),
      createdAt: p.created_at,
      editedAt: p.edited_at,
      deletedAt: p.deleted_at,
    };
  };

  return rows.map((r) => {
    const facts = postFacts(r, r.group_id ? groups.get(r.group_id) : undefined);
    const original = r.shared_post_id ? shared.get(r.shared_post_id) : undefined;
    // The original shows only while the reader may read it; a deleted one says so.
    const originalFacts = original ? postFacts(original, original.group_id ? groups.get(original.group_id) : undefined) : null;
    const sharedView = r.shared_post_id ? (original && originalFacts && can(actor, 'post.read', originalFacts) ? core(original) : 'unavailable') : null;
    return {
      ...core(r),
      shared: sharedView as Post['shared'],
      announcement:
        r.announcement === 1
          ? {
              requiresConfirmation: r.requires_confirmation === 1,
              featuredUntil: r.featured_until,
              confirmed: confirmations.mine.has(r.id),
              confirmedCount: confirmations.counts.get(r.id) ?? 0,
            }
          : null,
      poll: r.deleted_at ? null : (polls.get(r.id) ?? null),
      event: r.deleted_at ? null : (events.get(r.id) ?? null),
      commentsDisabled: r.comments_disabled === 1,
      pinned: r.pinned_at !== null,
      saved: saved.has(r.id),
      reactions: summary(reactions.counts.get(r.id), reactions.mine.get(r.id)),
      commentCount: commentCounts.get(r.id)?.all ?? 0,
      topLevelCommentCount: commentCounts.get(r.id)?.top ?? 0,
      latestComments: latest.filter((c) => c.post_id === r.id).map((c) => presentComment(actor, c, facts, loaded)),
      abilities: {
        edit: can(actor, 'post.edit', facts),
        delete: can(actor, 'post.delete', facts),
        comment: can(actor, 'post.comment', facts),
        react: can(actor, 'post.react', facts),
        share: can(actor, 'post.share', facts),
        pin: can(actor, 'post.pin', facts),
        disableComments: can(actor, 'post.disable_comments', facts),
        report: can(actor, 'post.report', facts),
        viewConfirmations: can(actor, 'post.view_confirmations', facts),
        confirm: can(actor, 'post.confirm', facts),
      },
    };
  });
}
