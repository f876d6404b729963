import type { CreateGroup, Group, GroupInvitation, GroupListQuery, GroupMember, GroupSummary, JoinRequest, UpdateGroup } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import { audit } from '../../core/audit.js';
import type { Executor, Tx } from '../../core/db/index.js';
import { AppError, ConflictError, fieldError, NotFoundError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, pageOf } from '../../core/pagination.js';
import { type Actor, authorize, can } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { roomIdOf, syncRoomMember } from '../chat/rooms.js';
import * as settings from '../settings/repository.js';
import * as users from '../users/repository.js';
import { presentSummary as presentUser } from '../users/presenter.js';
import type { GroupFacts, GroupRole } from './policy.js';
import './policy.js';
import { presentGroup, presentGroupSummary } from './presenter.js';
import * as repo from './repository.js';

const NOT_FOUND = 'Group';

/** A URL slug from a name: lower-case ASCII words joined by dashes; a clash gets a numeric suffix. */
export async function uniqueSlug(db: Executor, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'group';
  if (!(await repo.slugTaken(db, base))) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (!(await repo.slugTaken(db, candidate))) return candidate;
  }
}

function facts(row: repo.GroupRow, role: GroupRole | null, open: repo.RequestRow | undefined, guestsAllowed: boolean): GroupFacts {
  return {
    id: row.id,
    visibility: row.visibility,
    joinPolicy: row.join_policy,
    archived: row.archived_at !== null,
    role,
    invited: open?.kind === 'invitation',
    requested: open?.kind === 'request',
    guestsAllowed,
  };
}

interface Loaded {
  row: repo.GroupRow;
  facts: GroupFacts;
  open: repo.RequestRow | undefined;
}

/** Loads a group with the actor's relation to it; 404 (identical to a missing group) when the actor may not know it exists. */
async function load(db: Executor, actor: Actor, idOrSlug: string): Promise<Loaded> {
  const row = await repo.findGroup(db, idOrSlug);
  if (!row) throw new NotFoundError(NOT_FOUND);
  const [rel, company] = await Promise.all([repo.relations(db, actor.id, [row.id]), settings.getCompany(db)]);
  const open = rel.open.get(row.id);
  const f = facts(row, rel.roles.get(row.id) ?? null, open, company.guestsAllowed);
  if (!can(actor, 'group.read', f)) throw new NotFoundError(NOT_FOUND);
  return { row, facts: f, open };
}

async function present(ctx: AppContext, actor: Actor, l: Loaded): Promise<Group> {
  const [counts, chatId] = await Promise.all([repo.counts(ctx.db.db, [l.row.id]), roomIdOf(ctx.db.db, l.row.id)]);
  return presentGroup(actor, l.row, counts.get(l.row.id), l.facts, l.open, chatId);
}

/** Reloads and presents after a change. */
async function fresh(ctx: AppContext, actor: Actor, id: string): Promise<Group> {
  return present(ctx, actor, await load(ctx.db.db, actor, id));
}

export async function getGroup(ctx: AppContext, actor: Actor, idOrSlug: string): Promise<Group> {
  return present(ctx, actor, await load(ctx.db.db, actor, idOrSlug));
}

/** The group directory: mine, suggested or all the actor may see; searchable; keyset pages by name. */
export async function listGroups(ctx: AppContext, actor: Actor, query: GroupListQuery): Promise<{ items: GroupSummary[]; nextCursor: string | null }> {
  const limit = query.limit ?? Limits.pageSizeDefault;
  const after = decodeCursor(query.cursor, 2);
  const rows = await repo.listGroups(ctx.db.db, {
    actor,
    filter: query.filter ?? 'all',
    q: query.q?.trim() || undefined,
    after: after ? { sortName: String(after[0]), id: String(after[1]) } : undefined,
    limit,
  });
  const ids = rows.map((r) => r.id);
  const [rel, count, company] = await Promise.all([repo.relations(ctx.db.db, actor.id, ids), repo.counts(ctx.db.db, ids), settings.getCompany(ctx.db.db)]);
  return pageOf(
    rows,
    limit,
    (r) => [r.sort_name, r.id],
    (page) =>
      page
        .map((r) => ({ r, f: facts(r, rel.roles.get(r.id) ?? null, rel.open.get(r.id), company.guestsAllowed) }))
        // Defence in depth: the SQL scope and the rule must agree (a test checks it); never list what would 404.
        .filter(({ f }) => can(actor, 'group.read', f))
        .map(({ r, f }) => presentGroupSummary(actor, r, count.get(r.id), f, rel.open.get(r.id))),
  );
}

export async function createGroup(ctx: AppContext, actor: Actor, input: CreateGroup): Promise<Group> {
  const company = await settings.getCompany(ctx.db.db);
  authorize(actor, 'groups.create', { groupCreation: company.groupCreation });
  const id = await ctx.db.transaction(async (tx) => {
    const t = now();
    const row: repo.GroupRow = {
      id: newId(),
      slug: await uniqueSlug(tx.db, input.name),
      name: input.name.trim(),
      sort_name: input.name.trim().toLowerCase(),
      description: input.description?.trim() ?? '',
      welcome_text: input.welcomeText?.trim() || null,
      visibility: input.visibility,
      join_policy: input.joinPolicy,
      cover_file_id: null,
      created_by: actor.id,
      archived_at: null,
      created_at: t,
      updated_at: t,
    };
    await tx.db.insertInto('groups').values(row).execute();
    await tx.db.insertInto('group_members').values({ group_id: row.id, user_id: actor.id, role: 'owner', joined_at: t }).execute();
    await appendEvent(tx, { type: 'group.created', actorId: actor.id, subjectId: row.id }, ctx.outbox);
    return row.id;
  });
  return fresh(ctx, actor, id);
}

export async function updateGroup(ctx: AppContext, actor: Actor, id: string, input: UpdateGroup): Promise<Group> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.update', l.facts, NOT_FOUND);
  const privacy =
    (input.visibility !== undefined && input.visibility !== l.row.visibility) || (input.joinPolicy !== undefined && input.joinPolicy !== l.row.join_policy);
  if (privacy) authorize(actor, 'group.update_privacy', l.facts, NOT_FOUND);
  await ctx.db.transaction(async (tx) => {
    const set: Partial<repo.GroupRow> = { updated_at: now() };
    if (input.name !== undefined) {
      set.name = input.name.trim();
      set.sort_name = set.name.toLowerCase();
    }
    if (input.description !== undefined) set.description = input.description.trim();
    if (input.welcomeText !== undefined) set.welcome_text = input.welcomeText?.trim() || null;
    if (input.visibility !== undefined) set.visibility = input.visibility;
    if (input.joinPolicy !== undefined) set.join_policy = input.joinPolicy;
    await tx.db.updateTable('groups').set(set).where('id', '=', l.row.id).execute();
    // Open requests make no sense once joining is no longer "on request".
    if (input.joinPolicy !== undefined && input.joinPolicy !== 'request') {
      await tx.db.deleteFrom('group_requests').where('group_id', '=', l.row.id).where('kind', '=', 'request').execute();
    }
    await appendEvent(tx, { type: 'group.updated', actorId: actor.id, subjectId: l.row.id, payload: { fields: Object.keys(input) } }, ctx.outbox);
  });
  return fresh(ctx, actor, l.row.id);
}

export async function setCover(ctx: AppContext, actor: Actor, id: string, data: Buffer | null): Promise<Group> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.update', l.facts, NOT_FOUND);
  const stored = data ? await ctx.storage.saveImage(ctx.db.db, data, 'cover', null) : null;
  await ctx.db.db
    .updateTable('groups')
    .set({ cover_file_id: stored?.id ?? null, updated_at: now() })
    .where('id', '=', l.row.id)
    .execute();
  if (l.row.cover_file_id) await ctx.storage.remove(ctx.db.db, l.row.cover_file_id).catch(() => undefined);
  return fresh(ctx, actor, l.row.id);
}

export async function setArchived(ctx: AppContext, actor: Actor, id: string, archived: boolean): Promise<Group> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.archive', l.facts, NOT_FOUND);
  await ctx.db.transaction(async (tx) => {
    await tx.db
      .updateTable('groups')
      .set({ archived_at: archived ? now() : null, updated_at: now() })
      .where('id', '=', l.row.id)
      .execute();
    if (archived) await tx.db.deleteFrom('group_requests').where('group_id', '=', l.row.id).execute();
    await appendEvent(tx, { type: archived ? 'group.archived' : 'group.unarchived', actorId: actor.id, subjectId: l.row.id }, ctx.outbox);
    await audit(tx.db, { actorId: actor.id, action: archived ? 'group.archived' : 'group.unarchived', targetType: 'group', targetId: l.row.id });
  });
  return fresh(ctx, actor, l.row.id);
}

export async function deleteGroup(ctx: AppContext, actor: Actor, id: string, confirmName: string): Promise<void> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.delete', l.facts, NOT_FOUND);
  if (confirmName.trim() !== l.row.name) throw fieldError('confirmName', 'type the group name exactly to confirm');
  await ctx.db.transaction(async (tx) => {
    await tx.db.deleteFrom('groups').where('id', '=', l.row.id).execute();
    await tx.db.updateTable('invitations').set({ revoked_at: now() }).where('group_id', '=', l.row.id).where('accepted_at', 'is', null).execute();
    await appendEvent(tx, { type: 'group.deleted', actorId: actor.id, subjectId: l.row.id, payload: { name: l.row.name } }, ctx.outbox);
    await audit(tx.db, { actorId: actor.id, action: 'group.deleted', targetType: 'group', targetId: l.row.id, details: { name: l.row.name } });
  });
  if (l.row.cover_file_id) await ctx.storage.remove(ctx.db.db, l.row.cover_file_id).catch(() => undefined);
}

export async function listMembers(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: { role?: GroupRole; cursor?: string; limit?: number },
): Promise<{ items: GroupMember[]; nextCursor: string | null }> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.read_content', l.facts, NOT_FOUND);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, 3);
  const rows = await repo.listMembers(ctx.db.db, l.row.id, {
    role: query.role,
    after: after ? { rank: Number(after[0]), sortName: String(after[1]), id: String(after[2]) } : undefined,
    limit,
  });
  const people = await users.findByIds(
    ctx.db.db,
    rows.map((r) => r.user_id),
  );
  return pageOf(
    rows,
    limit,
    (r) => [r.rank, r.sort_name, r.user_id],
    (page) =>
      page.flatMap((r) => {
        const u = people.get(r.user_id);
        return u ? [{ user: presentUser(u), role: r.role, joinedAt: r.joined_at, abilities: memberAbilities(actor, l.facts, r.user_id, r.role, u.role) }] : [];
      }),
  );
}

async function assertRoom(db: Executor, groupId: string): Promise<void> {
  if ((await repo.memberCount(db, groupId)) >= Limits.groupMembersMax) {
    throw new ConflictError('conflict', `This group has reached the limit of ${Limits.groupMembersMax} members`);
  }
}

/** Adds a member inside a transaction and clears their open request or invitation. */
export async function addMember(tx: Tx, groupId: string, userId: string, role: GroupRole, actorId: string, ctx?: AppContext): Promise<void> {
  await assertRoom(tx.db, groupId);
  await tx.db.insertInto('group_members').values({ group_id: groupId, user_id: userId, role, joined_at: now() }).execute();
  await tx.db.deleteFrom('group_requests').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
  await appendEvent(tx, { type: 'member.joined', actorId, subjectId: groupId, payload: { userId, role } }, ctx?.outbox);
  // The group's chat room follows its membership, in the same transaction.
  await syncRoomMember(tx, groupId, userId, 'joined', actorId, ctx?.outbox);
}

/** Join an open group (or one you were invited to). Idempotent: a member joining again gets the group. */
export async function join(ctx: AppContext, actor: Actor, id: string): Promise<{ group: Group; created: boolean }> {
  const l = await load(ctx.db.db, actor, id);
  if (l.facts.role !== null) return { group: await present(ctx, actor, l), created: false };
  authorize(actor, 'group.join', l.facts, NOT_FOUND);
  await ctx.db.transaction(async (tx) => {
    if (await repo.membership(tx.db, l.row.id, actor.id)) return;
    await addMember(tx, l.row.id, actor.id, 'member', actor.id, ctx);
  });
  return { group: await fresh(ctx, actor, l.row.id), created: true };
}

async function assertNotLastOwner(db: Executor, groupId: string, member: repo.MemberRow): Promise<void> {
  if (member.role === 'owner' && (await repo.countOwners(db, groupId)) <= 1) {
    throw new ConflictError('conflict', 'A group needs at least one owner: make someone else owner first');
  }
}

/** Leave a group, or (moderators, owners, admins) remove someone. The last owner cannot go. */
export async function removeMember(ctx: AppContext, actor: Actor, id: string, userId: string): Promise<void> {
  const l = await load(ctx.db.db, actor, id);
  const self = userId === actor.id;
  await ctx.db.transaction(async (tx) => {
    const target = await repo.membership(tx.db, l.row.id, userId);
    if (self) authorize(actor, 'group.leave', l.facts, NOT_FOUND);
    else {
      authorize(actor, 'group.manage_members', l.facts, NOT_FOUND);
      // Moderators remove members; only owners and admins remove moderators and owners.
      if (target && target.role !== 'member') authorize(actor, 'group.change_role', l.facts, NOT_FOUND);
    }
    if (!target) throw new NotFoundError('Member');
    await assertNotLastOwner(tx.db, l.row.id, target);
    await tx.db.deleteFrom('group_members').where('group_id', '=', l.row.id).where('user_id', '=', userId).execute();
    await appendEvent(tx, { type: self ? 'member.left' : 'member.removed', actorId: actor.id, subjectId: l.row.id, payload: { userId } }, ctx.outbox);
    await syncRoomMember(tx, l.row.id, userId, 'left', actor.id, ctx.outbox);
  });
}

export async function changeRole(ctx: AppContext, actor: Actor, id: string, userId: string, role: GroupRole): Promise<GroupMember> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.change_role', l.facts, NOT_FOUND);
  await ctx.db.transaction(async (tx) => {
    const target = await repo.membership(tx.db, l.row.id, userId);
    if (!target) throw new NotFoundError('Member');
    if (target.role === role) return;
    if (role !== 'owner') await assertNotLastOwner(tx.db, l.row.id, target);
    const person = await users.findById(tx.db, userId);
    if (person?.role === 'guest' && role !== 'member') throw fieldError('role', 'guests can only be members');
    await tx.db.updateTable('group_members').set({ role }).where('group_id', '=', l.row.id).where('user_id', '=', userId).execute();
    await appendEvent(
      tx,
      { type: 'member.role_changed', actorId: actor.id, subjectId: l.row.id, payload: { userId, from: target.role, to: role } },
      ctx.outbox,
    );
  });
  return memberOf(ctx, actor, await load(ctx.db.db, actor, l.row.id), userId);
}

/** Hands the group over: the new owner is owner, the previous owner becomes moderator. */
export async function transferOwnership(ctx: AppContext, actor: Actor, id: string, userId: string): Promise<Group> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.change_role', l.facts, NOT_FOUND);
  await ctx.db.transaction(async (tx) => {
    const target = await repo.membership(tx.db, l.row.id, userId);
    if (!target) throw fieldError('userId', 'must be a member of the group');
    const person = await users.findById(tx.db, userId);
    if (!person || person.status !== 'active' || person.role === 'guest') throw fieldError('userId', 'guests and deactivated accounts cannot own a group');
    await tx.db.updateTable('group_members').set({ role: 'owner' }).where('group_id', '=', l.row.id).where('user_id', '=', userId).execute();
    if (l.facts.role === 'owner' && userId !== actor.id) {
      await tx.db.updateTable('group_members').set({ role: 'moderator' }).where('group_id', '=', l.row.id).where('user_id', '=', actor.id).execute();
    }
    await appendEvent(tx, { type: 'group.ownership_transferred', actorId: actor.id, subjectId: l.row.id, payload: { to: userId } }, ctx.outbox);
    await audit(tx.db, { actorId: actor.id, action: 'group.ownership_transferred', targetType: 'group', targetId: l.row.id, details: { to: userId } });
  });
  return fresh(ctx, actor, l.row.id);
}

/** What the actor may do with one membership: the same rules `removeMember` and `changeRole` enforce. */
function memberAbilities(actor: Actor, f: GroupFacts, userId: string, role: GroupRole, personRole: string): GroupMember['abilities'] {
  const self = userId === actor.id;
  const remove = self ? can(actor, 'group.leave', f) : can(actor, 'group.manage_members', f) && (role === 'member' || can(actor, 'group.change_role', f));
  return { remove, changeRole: can(actor, 'group.change_role', f) && personRole !== 'guest' };
}

async function memberOf(ctx: AppContext, actor: Actor, l: Loaded, userId: string): Promise<GroupMember> {
  const m = await repo.membership(ctx.db.db, l.row.id, userId);
  const u = await users.findById(ctx.db.db, userId);
  if (!m || !u) throw new NotFoundError('Member');
  return { user: presentUser(u), role: m.role, joinedAt: m.joined_at, abilities: memberAbilities(actor, l.facts, userId, m.role, u.role) };
}

/** Ask to join a group with "on request" joining. Asking again is idempotent. */
export async function requestToJoin(ctx: AppContext, actor: Actor, id: string, message: string | undefined): Promise<Group> {
  const l = await load(ctx.db.db, actor, id);
  if (l.facts.requested || l.facts.role !== null) return present(ctx, actor, l);
  authorize(actor, 'group.request', l.facts, NOT_FOUND);
  await ctx.db.transaction(async (tx) => {
    await tx.db
      .insertInto('group_requests')
      .values({
        id: newId(),
        group_id: l.row.id,
        user_id: actor.id,
        kind: 'request',
        message: message?.trim() || null,
        created_by: actor.id,
        created_at: now(),
      })
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
      .execute();
    await appendEvent(tx, { type: 'group.join_requested', actorId: actor.id, subjectId: l.row.id }, ctx.outbox);
  });
  return fresh(ctx, actor, l.row.id);
}

export async function cancelRequest(ctx: AppContext, actor: Actor, id: string): Promise<Group> {
  const l = await load(ctx.db.db, actor, id);
  await ctx.db.db.deleteFrom('group_requests').where('group_id', '=', l.row.id).where('user_id', '=', actor.id).where('kind', '=', 'request').execute();
  return fresh(ctx, actor, l.row.id);
}

export async function listRequests(ctx: AppContext, actor: Actor, id: string): Promise<JoinRequest[]> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.manage_members', l.facts, NOT_FOUND);
  const rows = await repo.openRequests(ctx.db.db, l.row.id, 'request');
  const people = await users.findByIds(
    ctx.db.db,
    rows.map((r) => r.user_id),
  );
  return rows.flatMap((r) => {
    const u = people.get(r.user_id);
    return u && u.status === 'active' ? [{ id: r.id, user: presentUser(u), message: r.message, createdAt: r.created_at }] : [];
  });
}

export async function decideRequest(ctx: AppContext, actor: Actor, id: string, requestId: string, approve: boolean): Promise<void> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.manage_members', l.facts, NOT_FOUND);
  await ctx.db.transaction(async (tx) => {
    const req = await tx.db
      .selectFrom('group_requests')
      .selectAll()
      .where('id', '=', requestId)
      .where('group_id', '=', l.row.id)
      .where('kind', '=', 'request')
      .executeTakeFirst();
    if (!req) throw new NotFoundError('Request');
    if (approve) await addMember(tx, l.row.id, req.user_id, 'member', actor.id, ctx);
    else await tx.db.deleteFrom('group_requests').where('id', '=', req.id).execute();
    await appendEvent(
      tx,
      { type: approve ? 'group.request_approved' : 'group.request_declined', actorId: actor.id, subjectId: l.row.id, payload: { userId: req.user_id } },
      ctx.outbox,
    );
  });
}

/** Invite colleagues (up to 100 at once); they accept or decline. */
export async function inviteMembers(
  ctx: AppContext,
  actor: Actor,
  id: string,
  userIds: string[],
): Promise<{ invited: string[]; alreadyMembers: string[]; alreadyInvited: string[] }> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.invite', l.facts, NOT_FOUND);
  const unique = [...new Set(userIds)];
  const people = await users.findByIds(ctx.db.db, unique);
  for (const [i, uid] of unique.entries()) {
    const u = people.get(uid);
    if (!u || u.status !== 'active' || !can(actor, 'user.read', u)) throw fieldError(`userIds.${i}`, 'no such colleague');
    if (u.role === 'guest') throw fieldError(`userIds.${i}`, 'guests are invited by e-mail (invite a guest)');
  }
  const result = { invited: [] as string[], alreadyMembers: [] as string[], alreadyInvited: [] as string[] };
  await ctx.db.transaction(async (tx) => {
    const rel = await tx.db.selectFrom('group_members').select('user_id').where('group_id', '=', l.row.id).where('user_id', 'in', unique).execute();
    const members = new Set(rel.map((r) => r.user_id));
    const open = await tx.db.selectFrom('group_requests').selectAll().where('group_id', '=', l.row.id).where('user_id', 'in', unique).execute();
    const openBy = new Map(open.map((r) => [r.user_id, r]));
    for (const uid of unique) {
      if (members.has(uid)) {
        result.alreadyMembers.push(uid);
        continue;
      }
      const existing = openBy.get(uid);
      if (existing?.kind === 'invitation') {
        result.alreadyInvited.push(uid);
        continue;
      }
      if (existing?.kind === 'request') {
        // They asked already: an invitation from someone who may invite is as good as approval.
        if (can(actor, 'group.manage_members', l.facts)) {
          await addMember(tx, l.row.id, uid, 'member', actor.id, ctx);
          result.invited.push(uid);
          continue;
        }
        await tx.db.deleteFrom('group_requests').where('id', '=', existing.id).execute();
      }
      await tx.db
        .insertInto('group_requests')
        .values({ id: newId(), group_id: l.row.id, user_id: uid, kind: 'invitation', message: null, created_by: actor.id, created_at: now() })
        .execute();
      result.invited.push(uid);
    }
    if (result.invited.length > 0) {
      await appendEvent(tx, { type: 'group.members_invited', actorId: actor.id, subjectId: l.row.id, payload: { userIds: result.invited } }, ctx.outbox);
    }
  });
  return result;
}

/** The invitations waiting for the actor. */
export async function myInvitations(ctx: AppContext, actor: Actor): Promise<GroupInvitation[]> {
  const rows = await ctx.db.db
    .selectFrom('group_requests')
    .selectAll()
    .where('user_id', '=', actor.id)
    .where('kind', '=', 'invitation')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  if (rows.length === 0) return [];
  const groupRows = await ctx.db.db
    .selectFrom('groups')
    .selectAll()
    .where(
      'id',
      'in',
      rows.map((r) => r.group_id),
    )
    .execute();
  const byId = new Map(groupRows.map((g) => [g.id, g]));
  const [count, inviters, company] = await Promise.all([
    repo.counts(
      ctx.db.db,
      groupRows.map((g) => g.id),
    ),
    users.findByIds(
      ctx.db.db,
      rows.map((r) => r.created_by).filter((x): x is string => Boolean(x)),
    ),
    settings.getCompany(ctx.db.db),
  ]);
  return rows.flatMap((r) => {
    const g = byId.get(r.group_id);
    if (!g || g.archived_at) return [];
    const f = facts(g, null, r, company.guestsAllowed);
    const inviter = r.created_by ? inviters.get(r.created_by) : undefined;
    return [
      { id: r.id, group: presentGroupSummary(actor, g, count.get(g.id), f, r), invitedBy: inviter ? presentUser(inviter) : null, createdAt: r.created_at },
    ];
  });
}

async function ownInvitation(ctx: AppContext, actor: Actor, invitationId: string): Promise<repo.RequestRow> {
  const inv = await ctx.db.db
    .selectFrom('group_requests')
    .selectAll()
    .where('id', '=', invitationId)
    .where('user_id', '=', actor.id)
    .where('kind', '=', 'invitation')
    .executeTakeFirst();
  if (!inv) throw new NotFoundError('Invitation');
  return inv;
}

export async function acceptInvitation(ctx: AppContext, actor: Actor, invitationId: string): Promise<Group> {
  const inv = await ownInvitation(ctx, actor, invitationId);
  return (await join(ctx, actor, inv.group_id)).group;
}

export async function declineInvitation(ctx: AppContext, actor: Actor, invitationId: string): Promise<void> {
  const inv = await ownInvitation(ctx, actor, invitationId);
  await ctx.db.db.deleteFrom('group_requests').where('id', '=', inv.id).execute();
}

/** The group a guest invitation points to must still allow it when the guest accepts. */
export async function assertGuestInvite(ctx: AppContext, actor: Actor, id: string): Promise<repo.GroupRow> {
  const l = await load(ctx.db.db, actor, id);
  if (!l.facts.guestsAllowed && (actor.role === 'admin' || l.facts.role === 'owner')) {
    throw new AppError(403, 'forbidden', 'Your administrator has not allowed external guests');
  }
  authorize(actor, 'group.invite_guest', l.facts, NOT_FOUND);
  return l.row;
}

/** Whether two people share a group: guests see only the people of their groups. */
export function shareAGroup(db: Executor, a: string, b: string): Promise<boolean> {
  return repo.shareAGroup(db, a, b);
}

export async function isMember(db: Executor, groupId: string, userId: string): Promise<boolean> {
  return Boolean(await repo.membership(db, groupId, userId));
}

export async function groupExists(db: Executor, groupId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('groups').select('id').where('id', '=', groupId).executeTakeFirst());
}

/**
 * For the chat feature: a group whose chat room the actor may switch on or off (whoever may update the
 * group), with its members. 404 when the group is not visible, 403 when visible but not the actor's to manage.
 */
export async function groupForChat(ctx: AppContext, actor: Actor, id: string): Promise<{ id: string; name: string; memberIds: string[] }> {
  const l = await load(ctx.db.db, actor, id);
  authorize(actor, 'group.update', l.facts, NOT_FOUND);
  const rows = await ctx.db.db.selectFrom('group_members').select('user_id').where('group_id', '=', l.row.id).execute();
  return { id: l.row.id, name: l.row.name, memberIds: rows.map((r) => r.user_id) };
}

/** For the chat feature: what a chat room shows of its group (name, cover, archived = read-only). */
export async function groupBasics(db: Executor, ids: readonly string[]): Promise<Map<string, { name: string; coverFileId: string | null; archived: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('groups')
    .select(['id', 'name', 'cover_file_id', 'archived_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, coverFileId: r.cover_file_id, archived: r.archived_at !== null }]));
}

export interface GroupForFeed {
  id: string;
  slug: string;
  name: string;
  visibility: 'public' | 'private' | 'secret';
  archived: boolean;
  /** The actor's role (null: not a member). */
  role: 'owner' | 'moderator' | 'member' | null;
}

/** For the feed: the groups posts belong to, with the actor's role in each (two queries whatever the count). */
export async function groupsForFeed(db: Executor, actorId: string, ids: readonly string[]): Promise<Map<string, GroupForFeed>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [rows, roles] = await Promise.all([
    db.selectFrom('groups').select(['id', 'slug', 'name', 'visibility', 'archived_at']).where('id', 'in', unique).execute(),
    db.selectFrom('group_members').select(['group_id', 'role']).where('user_id', '=', actorId).where('group_id', 'in', unique).execute(),
  ]);
  const role = new Map(roles.map((r) => [r.group_id, r.role]));
  return new Map(
    rows.map((r) => [r.id, { id: r.id, slug: r.slug, name: r.name, visibility: r.visibility, archived: r.archived_at !== null, role: role.get(r.id) ?? null }]),
  );
}

/** For the feed's SQL: the ids of the groups a person belongs to (a subquery). */
export function memberGroupIds(db: Executor, userId: string) {
  return db.selectFrom('group_members').select('group_id').where('user_id', '=', userId);
}

/** For the feed's SQL: the ids of public groups (their posts are readable by every employee). */
export function publicGroupIds(db: Executor) {
  return db.selectFrom('groups').select('id').where('visibility', '=', 'public');
}

/** For the feed: a group whose posts the actor may read (the group page's rule), or 404. */
export async function groupForFeedPage(ctx: AppContext, actor: Actor, idOrSlug: string): Promise<{ id: string }> {
  const l = await load(ctx.db.db, actor, idOrSlug);
  authorize(actor, 'group.read_content', l.facts, NOT_FOUND);
  return { id: l.row.id };
}

/** For @mention suggestions in a group post: the group's active members whose name starts a word with `q`. */
export async function memberIdsMatching(db: Executor, groupId: string, q: string, limit: number): Promise<string[]> {
  const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.group_id', '=', groupId)
    .where('u.status', '=', 'active')
    .where((eb) => eb(eb.fn('lower', ['u.name']), 'like', like))
    .orderBy('u.name')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
