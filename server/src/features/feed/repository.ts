import { type RawBuilder, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { Dialect, Executor } from '../../core/db/index.js';
import type { Database } from '../../core/db/schema.js';
import type { Actor } from '../../core/policy/index.js';
import { memberGroupIds, publicGroupIds } from '../groups/service.js';
import type { CommentsTable, PostAttachmentsTable, PostsTable } from './tables.js';

export type PostRow = Selectable<PostsTable>;
export type CommentRow = Selectable<CommentsTable>;
export type AttachmentRow = Selectable<PostAttachmentsTable>;

export type FeedSource =
  | { kind: 'home' }
  | { kind: 'group'; groupId: string }
  | { kind: 'profile'; userId: string }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'saved' };

/**
 * The one SQL form of "posts this actor may read" (policy `post.read` says the same for one post; a test
 * checks that both agree): announcements and profile posts for employees; group posts for members, and
 * public groups' posts for employees; admins read everything. Deleted posts never.
 */
function visibleTo(db: Executor, actor: Actor) {
  return db
    .selectFrom('posts as p')
    .where('p.deleted_at', 'is', null)
    .$if(actor.role !== 'admin', (q) =>
      q.where((eb) =>
        eb.or([
          ...(actor.role === 'guest' ? [] : [eb('p.audience', 'in', ['profile', 'company']), eb('p.group_id', 'in', publicGroupIds(db))]),
          eb('p.group_id', 'in', memberGroupIds(db, actor.id)),
        ]),
      ),
    );
}

/** Beyond this many sources (my groups + people + hashtags I follow) the home feed filters in one pass instead. */
const HOME_SOURCES_MAX = 150;

/**
 * The home feed's candidates: from each source — company posts, each of my groups, mine, each person and
 * each hashtag I follow — its newest `n` readable posts below the cursor, each through its own index. A page
 * then costs the same however many posts the company has (one filter over all sources would gather every post
 * of them and sort). Null when I follow too much for one statement: the caller filters in one pass instead.
 *
 * On PostgreSQL the per-group and per-person branches are one LATERAL join each over the list of ids: the
 * same index lookups, but the planner plans one sub-select instead of one per source (planning a union of
 * 30 branches cost more than running it).
 */
async function homeCandidates(db: Executor, dialect: Dialect, actor: Actor, before: string | undefined, n: number) {
  const [groups, follows] = await Promise.all([
    memberGroupIds(db, actor.id).execute(),
    db.selectFrom('follows').select(['target_type', 'target']).where('follower_id', '=', actor.id).execute(),
  ]);
  if (groups.length + follows.length > HOME_SOURCES_MAX) return null;
  // Posts of my groups are readable by me, and company and profile posts by every employee: those branches
  // need no visibility filter (the outer query applies it once more anyway). Mine (in a group I left) and a
  // hashtag's (anywhere) are filtered in their branch, so unreadable ones cannot crowd out readable ones.
  const employee = actor.role !== 'guest';
  const ids = () => db.selectFrom('posts as p').select('p.id').where('p.deleted_at', 'is', null);
  const readableIds = () => visibleTo(db, actor).select('p.id');
  const newest = (q: ReturnType<typeof ids>) => (before ? q.where('p.id', '<', before) : q).orderBy('p.id', 'desc').limit(n);
  const tagged = (tag: string) => {
    let q = readableIds().innerJoin('post_hashtags as h', 'h.post_id', 'p.id').where('h.tag', '=', tag);
    if (before) q = q.where('h.post_id', '<', before);
    return q.orderBy('h.post_id', 'desc').limit(n);
  };
  // Each branch keeps its own ORDER BY and LIMIT inside a sub-select (SQLite and PostgreSQL alike).
  let i = 0;
  const wrap = (b: SelectQueryBuilder<Database & { p: PostsTable }, 'p', { id: string }>) => {
    const name = `b${i++}`;
    return db.selectFrom(b.as(name)).select(`${name}.id` as 'id');
  };
  const groupIds = groups.map((g) => g.group_id);
  const people = employee ? follows.filter((f) => f.target_type === 'user').map((f) => f.target) : [];
  // PostgreSQL: for each key in `keys`, the newest `n` posts with `column` = key (and `extra`), through the same index.
  const lateral = (column: 'p.group_id' | 'p.author_id', keys: string[], extra: RawBuilder<unknown>) => {
    const below = before ? sql` and p.id < ${before}` : sql``;
    const branch = sql`select p.id from posts as p where p.deleted_at is null and ${sql.ref(column)} = s.k${extra}${below} order by p.id desc limit ${n}`;
    return sql<Pick<PostRow, 'id'>>`select x.id from unnest(${sql.val(keys)}::text[]) as s(k) cross join lateral (${branch}) as x`;
  };
  const pg = dialect === 'pg';
  const first = wrap(newest(readableIds().where('p.author_id', '=', actor.id)));
  const rest = [
    ...(employee ? [wrap(newest(ids().where('p.audience', '=', 'company')))] : []),
    ...(pg ? (groupIds.length > 0 ? [lateral('p.group_id', groupIds, sql``)] : []) : groupIds.map((g) => wrap(newest(ids().where('p.group_id', '=', g))))),
    ...(pg
      ? people.length > 0
        ? [lateral('p.author_id', people, sql` and p.audience = ${'profile'}`)]
        : []
      : people.map((u) => wrap(newest(ids().where('p.author_id', '=', u).where('p.audience', '=', 'profile'))))),
    ...follows.filter((f) => f.target_type === 'hashtag').map((f) => wrap(tagged(f.target) as unknown as Parameters<typeof wrap>[0])),
  ];
  return rest.reduce<typeof first>((all, b) => all.unionAll(b), first);
}

/** One keyset page (newest first) of a feed; `before` is the last id of the previous page. */
export async function feedPage(
  db: Executor,
  dialect: Dialect,
  actor: Actor,
  source: FeedSource,
  before: string | undefined,
  limit: number,
): Promise<PostRow[]> {
  let q = visibleTo(db, actor).selectAll('p');
  switch (source.kind) {
    case 'home': {
      const candidates = await homeCandidates(db, dialect, actor, before, limit + 1);
      if (candidates) {
        q = q.where('p.id', 'in', candidates);
        break;
      }
      // My groups, people and hashtags I follow, announcements, and what I wrote.
      q = q.where((eb) =>
        eb.or([
          eb('p.audience', '=', 'company'),
          eb('p.group_id', 'in', memberGroupIds(db, actor.id)),
          eb('p.author_id', '=', actor.id),
          eb.and([
            eb('p.audience', '=', 'profile'),
            eb('p.author_id', 'in', db.selectFrom('follows').select('target').where('follower_id', '=', actor.id).where('target_type', '=', 'user')),
          ]),
          eb(
            'p.id',
            'in',
            db
              .selectFrom('post_hashtags as h')
              .innerJoin('follows as f', (j) => j.onRef('f.target', '=', 'h.tag').on('f.target_type', '=', 'hashtag').on('f.follower_id', '=', actor.id))
              .select('h.post_id'),
          ),
        ]),
      );
      break;
    }
    case 'group':
      q = q.where('p.group_id', '=', source.groupId);
      break;
    case 'profile':
      q = q.where('p.author_id', '=', source.userId).where('p.audience', '=', 'profile');
      break;
    case 'hashtag':
      q = q.where('p.id', 'in', db.selectFrom('post_hashtags').select('post_id').where('tag', '=', source.tag));
      break;
    case 'saved':
      q = q.where('p.id', 'in', db.selectFrom('saved_posts').select('post_id').where('user_id', '=', actor.id));
      break;
  }
  if (before) q = q.where('p.id', '<', before);
  return q
    .orderBy('p.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Pinned posts of a group or a profile (up to 3), newest pin first. */
export async function pinned(db: Executor, actor: Actor, source: FeedSource): Promise<PostRow[]> {
  if (source.kind !== 'group' && source.kind !== 'profile') return [];
  let q = visibleTo(db, actor).selectAll('p').where('p.pinned_at', 'is not', null);
  q = source.kind === 'group' ? q.where('p.group_id', '=', source.groupId) : q.where('p.author_id', '=', source.userId).where('p.audience', '=', 'profile');
  return q.orderBy('p.pinned_at', 'desc').limit(3).execute();
}

/** Announcements featured at the top of the home feed until their date. */
export async function featured(db: Executor, actor: Actor, at: string): Promise<PostRow[]> {
  return visibleTo(db, actor)
    .selectAll('p')
    .where('p.announcement', '=', 1)
    .where('p.featured_until', '>', at)
    .where((eb) => eb.or([eb('p.audience', '=', 'company'), eb('p.group_id', 'in', memberGroupIds(db, actor.id))]))
    .orderBy('p.id', 'desc')
    .limit(3)
    .execute();
}

export async function findPost(db: Executor, id: string): Promise<PostRow | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function postsByIds(db: Executor, ids: readonly string[]): Promise<Map<string, PostRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('posts')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function attachmentsOf(db: Executor, postIds: readonly string[]): Promise<Map<string, AttachmentRow[]>> {
  const out = new Map<string, AttachmentRow[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('post_attachments')
    .selectAll()
    .where('post_id', 'in', [...new Set(postIds)])
    .orderBy('position')
    .execute();
  for (const r of rows) out.set(r.post_id as string, [...(out.get(r.post_id as string) ?? []), r]);
  return out;
}

export async function hashtagsOf(db: Executor, postIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('post_hashtags')
    .selectAll()
    .where('post_id', 'in', [...postIds])
    .orderBy('tag')
    .execute();
  for (const r of rows) out.set(r.post_id, [...(out.get(r.post_id) ?? []), r.tag]);
  return out;
}

/**
 * Reaction counts per subject and kind, and the actor's own, in one query for any number of subjects (a
 * person reacts at most once per subject, so the group holding their row names their kind).
 */
export async function reactionSummaries(
  db: Executor,
  actorId: string,
  subjects: { type: 'post' | 'comment'; ids: readonly string[] }[],
): Promise<{ counts: Map<string, Map<string, number>>; mine: Map<string, string> }> {
  const parts = subjects.filter((s) => s.ids.length > 0);
  if (parts.length === 0) return { counts: new Map(), mine: new Map() };
  // With the subject type, so the primary key (subject_type, subject_id, user_id) serves the lookup: without it
  // every feed page read the whole reactions table.
  const rows = await db
    .selectFrom('reactions')
    .select([
      'subject_id',
      'kind',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max(eb.case().when('user_id', '=', actorId).then(1).else(0).end()).as('me'),
    ])
    .where((eb) => eb.or(parts.map((s) => eb.and([eb('subject_type', '=', s.type), eb('subject_id', 'in', [...s.ids])]))))
    .groupBy(['subject_id', 'kind'])
    .execute();
  const counts = new Map<string, Map<string, number>>();
  const mine = new Map<string, string>();
  for (const r of rows) {
    counts.set(r.subject_id, (counts.get(r.subject_id) ?? new Map()).set(r.kind, Number(r.n)));
    if (Number(r.me) === 1) mine.set(r.subject_id, r.kind);
  }
  return { counts, mine };
}

/** Comments (not deleted) per post. */
/**
 * A top-level comment is listed while it stands or, deleted, still has replies standing (it shows as
 * "deleted" above them). Counts, the latest comments and the pages agree on this.
 */
const listed = sql<boolean>`(c.parent_id is not null or c.deleted_at is null or exists (select 1 from comments r where r.post_id = c.post_id and r.parent_id = c.id and r.deleted_at is null))`;

/** Per post: every standing comment and reply (`all`), and the top-level comments the list pages (`top`). */
export async function commentCounts(db: Executor, postIds: readonly string[]): Promise<Map<string, { all: number; top: number }>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments as c')
    .select([
      'c.post_id',
      sql<number>`sum(case when c.deleted_at is null then 1 else 0 end)`.as('n'),
      sql<number>`sum(case when c.parent_id is null and ${listed} then 1 else 0 end)`.as('top'),
    ])
    .where('c.post_id', 'in', [...postIds])
    .groupBy('c.post_id')
    .execute();
  return new Map(rows.map((r) => [r.post_id, { all: Number(r.n), top: Number(r.top) }]));
}

/** The `n` newest top-level comments of each post, in one query (a window function). */
export async function latestComments(db: Executor, postIds: readonly string[], n: number): Promise<CommentRow[]> {
  if (postIds.length === 0) return [];
  const ranked = db
    .selectFrom('comments as c')
    .selectAll('c')
    .select(sql<number>`row_number() over (partition by c.post_id order by c.id desc)`.as('rank'))
    .where('c.post_id', 'in', [...postIds])
    .where('c.parent_id', 'is', null)
    .where(listed)
    .as('ranked');
  const rows = await db.selectFrom(ranked).selectAll().where('rank', '<=', n).orderBy('id').execute();
  return rows.map(({ rank: _rank, ...c }) => c as CommentRow);
}

export async function replyCounts(db: Executor, commentIds: readonly string[]): Promise<Map<string, number>> {
  if (commentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', [...commentIds])
    .where('deleted_at', 'is', null)
    .groupBy('parent_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_id as string, Number(r.n)]));
}

/**
 * A page of a post's listed comments (top level) or of a comment's replies: oldest first after `cursor`,
 * or newest first before it.
 */
export async function commentsPage(
  db: Executor,
  postId: string,
  parentId: string | null,
  order: 'oldest' | 'newest',
  cursor: string | undefined,
  limit: number,
): Promise<CommentRow[]> {
  let q = db.selectFrom('comments as c').selectAll('c').where('c.post_id', '=', postId);
  q = parentId ? q.where('c.parent_id', '=', parentId).where('c.deleted_at', 'is', null) : q.where('c.parent_id', 'is', null).where(listed);
  if (cursor) q = q.where('c.id', order === 'newest' ? '<' : '>', cursor);
  return q
    .orderBy('c.id', order === 'newest' ? 'desc' : 'asc')
    .limit(limit + 1)
    .execute();
}

/** Who reacted to a post or comment (one kind, or all), newest first, keyset-paged by (time, person). */
export async function reactorsPage(
  db: Executor,
  subject: { type: 'post' | 'comment'; id: string },
  kind: string | undefined,
  after: readonly [string, string] | undefined,
  limit: number,
): Promise<Array<{ user_id: string; kind: string; created_at: string }>> {
  let q = db.selectFrom('reactions').select(['user_id', 'kind', 'created_at']).where('subject_type', '=', subject.type).where('subject_id', '=', subject.id);
  if (kind) q = q.where('kind', '=', kind);
  if (after) {
    const [at, userId] = after;
    q = q.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('user_id', '<', userId)])]));
  }
  return q
    .orderBy('created_at', 'desc')
    .orderBy('user_id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function savedOf(db: Executor, userId: string, postIds: readonly string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('saved_posts')
    .select('post_id')
    .where('user_id', '=', userId)
    .where('post_id', 'in', [...postIds])
    .execute();
  return new Set(rows.map((r) => r.post_id));
}

export async function confirmations(db: Executor, userId: string, postIds: readonly string[]): Promise<{ counts: Map<string, number>; mine: Set<string> }> {
  if (postIds.length === 0) return { counts: new Map(), mine: new Set() };
  const rows = await db
    .selectFrom('post_confirmations')
    .select(['post_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max(eb.case().when('user_id', '=', userId).then(1).else(0).end()).as('me')])
    .where('post_id', 'in', [...postIds])
    .groupBy('post_id')
    .execute();
  return {
    counts: new Map(rows.map((r) => [r.post_id, Number(r.n)])),
    mine: new Set(rows.filter((r) => Number(r.me) === 1).map((r) => r.post_id)),
  };
}

/** Tags matching a LIKE prefix among posts the actor can read, with how often they are used. */
export async function tagCounts(db: Executor, actor: Actor, prefix: string, limit: number): Promise<Array<{ tag: string; count: number }>> {
  const rows = await db
    .selectFrom('post_hashtags as h')
    .select(['h.tag', (eb) => eb.fn.countAll<number>().as('n')])
    .where('h.tag', 'like', prefix)
    .where('h.post_id', 'in', visibleTo(db, actor).select('p.id'))
    .groupBy('h.tag')
    .orderBy('n', 'desc')
    .orderBy('h.tag')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}
