import type { CreateUser, OnlineColleague, Presence, Facets, OrgChart, OrgNode, UpdateUser, UserListQuery, UserProfile, UserSummary } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import { hashPassword } from '../../core/auth/index.js';
import { audit } from '../../core/audit.js';
import type { Tx } from '../../core/db/index.js';
import { AppError, ConflictError, fieldError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, pageOf } from '../../core/pagination.js';
import { type Actor, authorize, can } from '../../core/policy/index.js';
import type { ImagePurpose } from '../../core/storage.js';
import type { AppContext } from '../../context.js';
import { shareAGroup } from '../groups/service.js';
import { INSTANCE, type UserFacts } from './policy.js';
import { presentProfile, presentSummary } from './presenter.js';
import * as repo from './repository.js';

/** Loads a user the actor may see, or throws 404 exactly as for a user that does not exist. */
export async function visibleUser(ctx: AppContext, actor: Actor, id: string): Promise<repo.UserRow> {
  const row = await repo.findById(ctx.db.db, id);
  authorize(actor, 'user.read', row && (await userFacts(ctx, actor, row)), 'User');
  return row as repo.UserRow;
}

/**
 * The facts of a person relative to the actor. Whether the two share a group matters only where a guest
 * is involved (guests see, and are seen by, the people of their own groups), so it is only asked then.
 */
export async function userFacts(ctx: AppContext, actor: Actor, row: repo.UserRow): Promise<UserFacts> {
  const guestInvolved = (actor.role === 'guest' || row.role === 'guest') && actor.id !== row.id && actor.role !== 'admin';
  return { id: row.id, role: row.role, status: row.status, sharesGroup: guestInvolved ? await shareAGroup(ctx.db.db, actor.id, row.id) : false };
}

async function profileOf(ctx: AppContext, actor: Actor, row: repo.UserRow): Promise<UserProfile> {
  const [managers, reports] = await Promise.all([
    row.manager_id ? repo.findByIds(ctx.db.db, [row.manager_id]) : Promise.resolve(new Map<string, repo.UserRow>()),
    repo.reportsOf(ctx.db.db, [row.id]),
  ]);
  const manager = row.manager_id ? (managers.get(row.manager_id) ?? null) : null;
  const visibleManager = manager && can(actor, 'user.read', manager) ? manager : null;
  return presentProfile(
    actor,
    row,
    visibleManager,
    reports.filter((r) => can(actor, 'user.read', r)),
  );
}

/** A person's profile page. */
export async function getProfile(ctx: AppContext, actor: Actor, id: string): Promise<UserProfile> {
  return profileOf(ctx, actor, await visibleUser(ctx, actor, id));
}

/** The actor's own profile with personal preferences, from one load of the row (`/me`, login). */
export async function getOwnProfile(ctx: AppContext, actor: Actor): Promise<{ user: UserProfile; locale: 'de' | 'en' | null; theme: repo.UserRow['theme'] }> {
  const row = await visibleUser(ctx, actor, actor.id);
  return { user: await profileOf(ctx, actor, row), locale: row.locale, theme: row.theme };
}

export async function getUserForInitials(ctx: AppContext, actor: Actor, id: string): Promise<repo.UserRow> {
  return visibleUser(ctx, actor, id);
}

/** The people directory: search, filters, keyset pages ordered by name. */
export async function listDirectory(ctx: AppContext, actor: Actor, query: UserListQuery): Promise<{ items: UserSummary[]; nextCursor: string | null }> {
  authorize(actor, 'directory.list', INSTANCE);
  const status = query.status ?? 'active';
  if (status !== 'active') authorize(actor, 'directory.list_deactivated', INSTANCE);
  const limit = query.limit ?? Limits.pageSizeDefault;
  const after = decodeCursor(query.cursor, 2);
  const sort = query.sort ?? 'name';
  const rows = await repo.listDirectory(ctx.db.db, ctx.db.dialect, {
    q: query.q?.trim() || undefined,
    department: query.department || undefined,
    location: query.location || undefined,
    status,
    includeGuests: actor.role === 'admin',
    sort,
    after: after ? { key: String(after[0]), id: String(after[1]) } : undefined,
    limit,
  });
  return pageOf(
    rows,
    limit,
    (r) => [sort === 'newest' ? r.created_at : r.sort_name, r.id],
    (page) => page.map(presentSummary),
  );
}

export async function directoryFacets(ctx: AppContext, actor: Actor): Promise<Facets> {
  authorize(actor, 'directory.list', INSTANCE);
  return repo.facets(ctx.db.db);
}

/** One level of the org chart: the top (no managerId) or a person's direct reports, with the chain above. */
export async function orgChart(ctx: AppContext, actor: Actor, managerId: string | undefined): Promise<OrgChart> {
  authorize(actor, 'directory.list', INSTANCE);
  let chainRows: repo.UserRow[] = [];
  let rows: repo.UserRow[];
  if (managerId) {
    await visibleUser(ctx, actor, managerId);
    chainRows = (await repo.managerChain(ctx.db.db, managerId)).filter((r) => can(actor, 'user.read', r));
    rows = await repo.reportsOf(ctx.db.db, [managerId]);
  } else {
    rows = await repo.orgRoots(ctx.db.db, 500);
  }
  const counts = await repo.reportCounts(
    ctx.db.db,
    [...rows, ...chainRows].map((r) => r.id),
  );
  const node = (r: repo.UserRow): OrgNode => ({ ...presentSummary(r), managerId: r.manager_id, reportCount: counts.get(r.id) ?? 0 });
  return { items: rows.map(node), chain: chainRows.map(node) };
}

function cleanText(v: string | null | undefined): string | null | undefined {
  if (v === undefined || v === null) return v;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Edits a profile: own profile, or anyone's for admins. Role only by admins, never one's own. */
export async function updateProfile(ctx: AppContext, actor: Actor, id: string, input: UpdateUser): Promise<UserProfile> {
  const target = await visibleUser(ctx, actor, id);
  authorize(actor, 'user.update', target, 'User');
  if (input.role !== undefined && input.role !== target.role) authorize(actor, 'user.update_role', target, 'User');
  if (input.locale !== undefined || input.theme !== undefined) authorize(actor, 'user.update_preferences', target, 'User');

  const patch: repo.UserPatch = {};
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.jobTitle !== undefined) patch.job_title = cleanText(input.jobTitle) ?? null;
  if (input.department !== undefined) patch.department = cleanText(input.department) ?? null;
  if (input.location !== undefined) patch.location = cleanText(input.location) ?? null;
  if (input.phone !== undefined) patch.phone = cleanText(input.phone) ?? null;
  if (input.about !== undefined) patch.about = cleanText(input.about) ?? null;
  if (input.skills !== undefined) {
    const seen = new Set<string>();
    const skills = input.skills.map((s) => s.trim()).filter((s) => s && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
    patch.skills = JSON.stringify(skills);
  }
  if (input.role !== undefined) patch.role = input.role;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.theme !== undefined) patch.theme = input.theme;

  return ctx.db
    .transaction(async (tx) => {
      if (input.managerId !== undefined) {
        if (input.managerId === null) patch.manager_id = null;
        else {
          if (input.managerId === id) throw fieldError('managerId', 'a person cannot be their own manager');
          const manager = await repo.findById(tx.db, input.managerId);
          if (!manager || manager.status !== 'active' || !can(actor, 'user.read', manager)) throw fieldError('managerId', 'no such colleague');
          const chain = await repo.managerChain(tx.db, input.managerId);
          if (chain.some((r) => r.id === id)) throw fieldError('managerId', 'this would make a loop in the org chart');
          patch.manager_id = input.managerId;
        }
      }
      const row = await repo.updateUser(tx.db, tx.dialect, id, patch);
      await appendEvent(tx, { type: 'user.updated', actorId: actor.id, subjectId: id, payload: { fields: Object.keys(input) } }, ctx.outbox);
      if (patch.role !== undefined && patch.role !== target.role) {
        await audit(tx.db, {
          actorId: actor.id,
          action: 'user.role_changed',
          targetType: 'user',
          targetId: id,
          details: { from: target.role, to: patch.role },
        });
      }
      return row;
    })
    .then((row) => profileOf(ctx, actor, row));
}

export interface NewAccount {
  name: string;
  email: string;
  /** From `hashPassword`, computed before the transaction: scrypt takes ~100 ms and must not hold the database. */
  passwordHash: string;
  role: 'admin' | 'member' | 'guest';
  locale?: 'de' | 'en' | null;
}

/**
 * Creates an account inside the caller's transaction (setup, invitation, admin, demo seed share it).
 * 409 `email_taken` when the address is in use.
 */
export async function createAccount(tx: Tx, account: NewAccount, extra: Partial<repo.NewUser> = {}): Promise<repo.UserRow> {
  const existing = await repo.findByEmail(tx.db, account.email);
  if (existing)
    throw new ConflictError('email_taken', 'email: an account with this address exists already', { fields: [{ field: 'email', message: 'taken' }] });
  const row = await repo.insertUser(
    tx.db,
    tx.dialect,
    { ...extra, id: extra.id ?? newId(), name: account.name, email: account.email, role: account.role, locale: account.locale ?? null },
    account.passwordHash,
  );
  await appendEvent(tx, { type: 'user.created', subjectId: row.id, payload: { role: row.role } });
  return row;
}

/** An admin creates an account directly. */
export async function createUser(ctx: AppContext, actor: Actor, input: CreateUser): Promise<UserProfile> {
  authorize(actor, 'accounts.create', INSTANCE);
  const passwordHash = await hashPassword(input.password);
  const row = await ctx.db.transaction(async (tx) => {
    const r = await createAccount(tx, { name: input.name, email: input.email, passwordHash, role: input.role ?? 'member' });
    await audit(tx.db, { actorId: actor.id, action: 'user.created', targetType: 'user', targetId: r.id, details: { role: r.role } });
    return r;
  });
  ctx.outbox.kick();
  return profileOf(ctx, actor, row);
}

/** Deactivates (every session ends at once) or reactivates an account. */
export async function setActive(ctx: AppContext, actor: Actor, id: string, active: boolean): Promise<UserProfile> {
  const target = await visibleUser(ctx, actor, id);
  authorize(actor, 'user.deactivate', target, 'User');
  const row = await ctx.db.transaction(async (tx) => {
    const r = await repo.updateUser(tx.db, tx.dialect, id, { status: active ? 'active' : 'deactivated', deactivated_at: active ? null : now() });
    let ended = 0;
    if (!active) ended = await repo.deleteSessionsOf(tx.db, id);
    await appendEvent(tx, { type: active ? 'user.reactivated' : 'user.deactivated', actorId: actor.id, subjectId: id }, ctx.outbox);
    await audit(tx.db, {
      actorId: actor.id,
      action: active ? 'user.reactivated' : 'user.deactivated',
      targetType: 'user',
      targetId: id,
      details: { sessionsEnded: ended },
    });
    return r;
  });
  return profileOf(ctx, actor, row);
}

/** Replaces (or with null removes) a profile image: avatar or cover. */
export async function setProfileImage(
  ctx: AppContext,
  actor: Actor,
  id: string,
  purpose: Extract<ImagePurpose, 'avatar' | 'cover'>,
  data: Buffer | null,
): Promise<UserProfile> {
  const target = await visibleUser(ctx, actor, id);
  authorize(actor, 'user.update', target, 'User');
  const column = purpose === 'avatar' ? 'avatar_file_id' : 'cover_file_id';
  const previous = target[column];
  // Decode and re-encode outside the transaction: image work must not hold the database.
  const stored = data ? await ctx.storage.saveImage(ctx.db.db, data, purpose, id) : null;
  const row = await ctx.db.transaction(async (tx) => {
    const r = await repo.updateUser(tx.db, tx.dialect, id, { [column]: stored?.id ?? null });
    await appendEvent(tx, { type: 'user.updated', actorId: actor.id, subjectId: id, payload: { fields: [purpose] } }, ctx.outbox);
    return r;
  });
  if (previous) await ctx.storage.remove(ctx.db.db, previous).catch(() => undefined);
  return profileOf(ctx, actor, row);
}

export function assertImage(mime: string | undefined): void {
  if (!mime || !/^image\/(jpeg|png|webp|gif|avif|heic|heif)$/.test(mime)) {
    throw new AppError(415, 'unsupported_image', 'file: must be a JPEG, PNG, WebP or GIF image');
  }
}

export { hashPassword, presentProfile };

/** Online / away / offline and "last seen" for up to 100 people the actor may see. */
export async function presenceOf(ctx: AppContext, actor: Actor, userIds: string[]): Promise<Presence[]> {
  const rows = await repo.findByIds(ctx.db.db, userIds);
  const visible: repo.UserRow[] = [];
  for (const id of new Set(userIds)) {
    const row = rows.get(id);
    if (row && can(actor, 'user.read', await userFacts(ctx, actor, row))) visible.push(row);
  }
  const status = ctx.realtime ? await ctx.realtime.presence.status(visible.map((r) => r.id)) : new Map<string, Presence['status']>();
  return visible.map((r) => {
    const s = status.get(r.id) ?? 'offline';
    return { userId: r.id, status: s, lastSeenAt: s === 'offline' ? r.last_seen_at : null };
  });
}

/** Colleagues connected now whom the actor may see (not the actor): online before away, then by name. */
export async function onlineColleagues(ctx: AppContext, actor: Actor, limit: number): Promise<OnlineColleague[]> {
  if (!ctx.realtime) return [];
  const ids = (await ctx.realtime.presence.connected()).filter((id) => id !== actor.id);
  const rows = await repo.findByIds(ctx.db.db, ids.slice(0, 2000));
  const visible: repo.UserRow[] = [];
  for (const row of rows.values()) {
    if (row.status === 'active' && can(actor, 'user.read', await userFacts(ctx, actor, row))) visible.push(row);
  }
  const status = await ctx.realtime.presence.status(visible.map((r) => r.id));
  return visible
    .flatMap((r) => {
      const s = status.get(r.id);
      return s === 'online' || s === 'away' ? [{ user: presentSummary(r), status: s }] : [];
    })
    .sort((a, b) => (a.status === b.status ? a.user.name.localeCompare(b.user.name) : a.status === 'online' ? -1 : 1))
    .slice(0, limit);
}
