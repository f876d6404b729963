import { type Expression, type Selectable, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../core/db/index.js';
import type { Actor } from '../../core/policy/index.js';
import type { GroupMembersTable, GroupRequestsTable, GroupsTable } from './tables.js';

export type GroupRow = Selectable<GroupsTable>;
export type MemberRow = Selectable<GroupMembersTable>;
export type RequestRow = Selectable<GroupRequestsTable>;

export async function findGroup(db: Executor, idOrSlug: string): Promise<GroupRow | undefined> {
  return db
    .selectFrom('groups')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug.toLowerCase())]))
    .executeTakeFirst();
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return Boolean(await db.selectFrom('groups').select('id').where('slug', '=', slug).executeTakeFirst());
}

export async function membership(db: Executor, groupId: string, userId: string): Promise<MemberRow | undefined> {
  return db.selectFrom('group_members').selectAll().where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
}

/** The actor's memberships and open requests/invitations for a set of groups (two queries). */
export async function relations(
  db: Executor,
  userId: string,
  groupIds: readonly string[],
): Promise<{ roles: Map<string, MemberRow['role']>; open: Map<string, RequestRow> }> {
  if (groupIds.length === 0) return { roles: new Map(), open: new Map() };
  const ids = [...new Set(groupIds)];
  const [members, open] = await Promise.all([
    db.selectFrom('group_members').select(['group_id', 'role']).where('user_id', '=', userId).where('group_id', 'in', ids).execute(),
    db.selectFrom('group_requests').selectAll().where('user_id', '=', userId).where('group_id', 'in', ids).execute(),
  ]);
  return { roles: new Map(members.map((m) => [m.group_id, m.role])), open: new Map(open.map((r) => [r.group_id, r])) };
}

/** Member and guest counts for a set of groups (one query). */
export async function counts(db: Executor, groupIds: readonly string[]): Promise<Map<string, { members: number; guests: number }>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('group_members as gm')
    .innerJoin('users as u', 'u.id', 'gm.user_id')
    .select([
      'gm.group_id',
      (eb) => eb.fn.countAll<number>().as('members'),
      (eb) => eb.fn.sum<number>(eb.case().when('u.role', '=', 'guest').then(1).else(0).end()).as('guests'),
    ])
    .where('gm.group_id', 'in', [...new Set(groupIds)])
    .where('u.status', '=', 'active')
    .groupBy('gm.group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, { members: Number(r.members), guests: Number(r.guests ?? 0) }]));
}

/**
 * The SQL scope of `group.read`: the groups an actor may know exist. Must agree with the rule in policy.ts
 * (a test checks both on every fixture).
 */
export function visibleTo(actor: Actor): Expression<SqlBool> | null {
  if (actor.role === 'admin') return null;
  const mine = sql<SqlBool>`groups.id IN (SELECT group_id FROM group_members WHERE user_id = ${actor.id})`;
  if (actor.role === 'guest') return mine;
  return sql<SqlBool>`(groups.visibility <> 'secret' OR ${mine} OR groups.id IN (SELECT group_id FROM group_requests WHERE user_id = ${actor.id} AND kind = 'invitation'))`;
}

export interface GroupListQuery {
  actor: Actor;
  filter: 'mine' | 'suggested' | 'all';
  q?: string;
  after?: { sortName: string; id: string };
  limit: number;
}

/** One keyset page of the group directory, ordered by name. Returns limit + 1 rows. */
export async function listGroups(db: Executor, query: GroupListQuery): Promise<GroupRow[]> {
  let q = db.selectFrom('groups').selectAll();
  const scope = visibleTo(query.actor);
  if (scope) q = q.where(scope);
  const mine = sql<SqlBool>`groups.id IN (SELECT group_id FROM group_members WHERE user_id = ${query.actor.id})`;
  if (query.filter === 'mine') q = q.where(mine);
  if (query.filter === 'suggested') {
    // Groups you could join and are not in: open or on request, not archived, not secret.
    q = q.where(sql<SqlBool>`NOT ${mine}`).where('archived_at', 'is', null).where('visibility', '<>', 'secret').where('join_policy', 'in', ['open', 'request']);
  }
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('sort_name', 'like', like), eb(eb.fn('lower', ['description']), 'like', like)]));
  }
  if (query.after) {
    const { sortName, id } = query.after;
    q = q.where((eb) => eb(eb.refTuple('sort_name', 'id'), '>', eb.tuple(sortName, id)));
  }
  return q
    .orderBy('sort_name')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
}

export async function countOwners(db: Executor, groupId: string): Promise<number> {
  const r = await db
    .selectFrom('group_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', groupId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function memberCount(db: Executor, groupId: string): Promise<number> {
  const r = await db
    .selectFrom('group_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listMembers(
  db: Executor,
  groupId: string,
  options: { role?: MemberRow['role']; after?: { rank: number; sortName: string; id: string }; limit: number },
): Promise<Array<MemberRow & { rank: number; sort_name: string }>> {
  const rank = sql<number>`CASE gm.role WHEN 'owner' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END`;
  let q = db
    .selectFrom('group_members as gm')
    .innerJoin('users as u', 'u.id', 'gm.user_id')
    .select(['gm.group_id', 'gm.user_id', 'gm.role', 'gm.joined_at', 'u.sort_name', rank.as('rank')])
    .where('gm.group_id', '=', groupId)
    .where('u.status', '=', 'active');
  if (options.role) q = q.where('gm.role', '=', options.role);
  if (options.after) {
    const a = options.after;
    q = q.where((eb) => eb(eb.tuple(rank, eb.ref('u.sort_name'), eb.ref('u.id')), '>', eb.tuple(a.rank, a.sortName, a.id)));
  }
  const rows = await q
    .orderBy(rank)
    .orderBy('u.sort_name')
    .orderBy('u.id')
    .limit(options.limit + 1)
    .execute();
  return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}

export async function openRequests(db: Executor, groupId: string, kind: RequestRow['kind']): Promise<RequestRow[]> {
  return db.selectFrom('group_requests').selectAll().where('group_id', '=', groupId).where('kind', '=', kind).orderBy('created_at').limit(500).execute();
}

/** Whether two people share at least one group (guests see only the people of their groups). */
export async function shareAGroup(db: Executor, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('group_members as x')
    .innerJoin('group_members as y', 'y.group_id', 'x.group_id')
    .select('x.group_id')
    .where('x.user_id', '=', a)
    .where('y.user_id', '=', b)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}
