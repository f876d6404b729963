import type { PostReport } from '@innenhof/contract';
import { AppError, NotFoundError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { type Actor, authorize, defineRules } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import { INSTANCE, type InstanceFacts } from '../users/policy.js';
import { presentPosts } from './presenter.js';
import * as repo from './repository.js';
import { deletePost, loadPost } from './service.js';

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'post_reports.moderate': InstanceFacts;
  }
}

/** Reports go to the admins (the moderators of the whole intranet). */
defineRules({ 'post_reports.moderate': (a) => a.role === 'admin' });

/** Report a post with a reason; one open report per person and post (a second one answers the first). */
export async function report(ctx: AppContext, actor: Actor, postId: string, reason: string): Promise<{ id: string; created: boolean }> {
  const { row } = await loadPost(ctx.db.db, actor, postId, 'post.report');
  const open = await ctx.db.db
    .selectFrom('post_reports')
    .select('id')
    .where('post_id', '=', row.id)
    .where('reporter_id', '=', actor.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return { id: open.id, created: false };
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.db
      .insertInto('post_reports')
      .values({ id, post_id: row.id, reporter_id: actor.id, reason: reason.trim(), status: 'open', resolved_by: null, resolved_at: null, created_at: now() })
      .execute();
    await appendEvent(tx, { type: 'post.reported', actorId: actor.id, subjectId: row.id, payload: { reportId: id } }, ctx.outbox);
  });
  return { id, created: true };
}

/** The admins' list: open reports first (or those of one status), newest first. */
export async function listReports(
  ctx: AppContext,
  actor: Actor,
  status: 'open' | 'kept' | 'hidden',
  cursor: string | undefined,
  limit = 20,
): Promise<{ items: PostReport[]; nextCursor: string | null }> {
  authorize(actor, 'post_reports.moderate', INSTANCE);
  const db = ctx.db.db;
  const before = decodeCursor(cursor, 1);
  let q = db.selectFrom('post_reports').selectAll().where('status', '=', status);
  if (before) q = q.where('id', '<', String(before[0]));
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const posts = await repo.postsByIds(
    db,
    page.map((r) => r.post_id),
  );
  const presented = new Map(
    (
      await presentPosts(
        db,
        actor,
        [...posts.values()].filter((p) => !p.deleted_at),
      )
    ).map((p) => [p.id, p]),
  );
  const people = await users.findByIds(
    db,
    page.map((r) => r.reporter_id).filter((x): x is string => Boolean(x)),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const reporter = r.reporter_id ? people.get(r.reporter_id) : undefined;
      return {
        id: r.id,
        post: presented.get(r.post_id) ?? null,
        reporter: reporter ? presentSummary(reporter) : null,
        reason: r.reason,
        status: r.status,
        createdAt: r.created_at,
        resolvedAt: r.resolved_at,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}

/** Resolve: hide (the post is deleted for everyone) or keep. Every open report of that post is resolved alike. */
export async function resolveReport(ctx: AppContext, actor: Actor, reportId: string, action: 'hide' | 'keep'): Promise<void> {
  authorize(actor, 'post_reports.moderate', INSTANCE);
  const r = await ctx.db.db.selectFrom('post_reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  if (!r) throw new NotFoundError('Report');
  if (r.status !== 'open') throw new AppError(409, 'conflict', 'This report has been resolved already');
  if (action === 'hide') {
    const post = await repo.findPost(ctx.db.db, r.post_id);
    if (post && !post.deleted_at) await deletePost(ctx, actor, post.id);
  }
  await ctx.db.db
    .updateTable('post_reports')
    .set({ status: action === 'hide' ? 'hidden' : 'kept', resolved_by: actor.id, resolved_at: now() })
    .where('post_id', '=', r.post_id)
    .where('status', '=', 'open')
    .execute();
}

/** People following someone (their profile shows it). */
export async function followers(ctx: AppContext, actor: Actor, userId: string) {
  const db = ctx.db.db;
  const rows = await db
    .selectFrom('follows')
    .select('follower_id')
    .where('target_type', '=', 'user')
    .where('target', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  const people = await users.findByIds(
    db,
    rows.map((r) => r.follower_id),
  );
  const following = await db
    .selectFrom('follows')
    .select('target')
    .where('follower_id', '=', actor.id)
    .where('target_type', '=', 'user')
    .where('target', '=', userId)
    .executeTakeFirst();
  return {
    count: rows.length,
    following: Boolean(following),
    items: rows.flatMap((r) => {
      const u = people.get(r.follower_id);
      return u && u.status === 'active' ? [presentSummary(u)] : [];
    }),
  };
}

/** CSV of an announcement's confirmations (who confirmed when, who has not), for its author and admins. */
export function confirmationsCsv(list: {
  confirmed: Array<{ user: { name: string; email?: string | null }; confirmedAt: string | null }>;
  pending: Array<{ user: { name: string }; confirmedAt: string | null }>;
}): string {
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  // Spreadsheet formula injection: a leading =, +, - or @ is neutralised.
  const safe = (v: string) => cell(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const lines = ['name,confirmed_at'];
  for (const c of [...list.confirmed, ...list.pending]) lines.push(`${safe(c.user.name)},${c.confirmedAt ? cell(c.confirmedAt) : ''}`);
  return `${lines.join('\r\n')}\r\n`;
}
