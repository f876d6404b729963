import type { Selectable } from 'kysely';
import type { Dialect, Executor } from '../../core/db/index.js';
import { now } from '../../core/ids.js';
import { indexPerson, peopleMatch } from '../../core/search.js';
import type { UsersTable } from './tables.js';

export type UserRow = Selectable<UsersTable>;

export async function findById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findByIds(db: Executor, ids: readonly string[]): Promise<Map<string, UserRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUser {
  id: string;
  name: string;
  email: string;
  role: UserRow['role'];
  locale?: 'de' | 'en' | null;
  jobTitle?: string | null;
  department?: string | null;
  location?: string | null;
  phone?: string | null;
  about?: string | null;
  skills?: string[];
  managerId?: string | null;
  avatarFileId?: string | null;
}

/** Inserts a user and its credential account (better-auth's `credential` provider) with a hashed password. */
export async function insertUser(db: Executor, dialect: Dialect, u: NewUser, passwordHash: string): Promise<UserRow> {
  const t = now();
  const row: UserRow = {
    id: u.id,
    name: u.name.trim(),
    sort_name: u.name.trim().toLowerCase(),
    email: u.email.trim().toLowerCase(),
    email_verified: 1,
    image: null,
    role: u.role,
    status: 'active',
    job_title: u.jobTitle ?? null,
    department: u.department ?? null,
    location: u.location ?? null,
    phone: u.phone ?? null,
    about: u.about ?? null,
    skills: JSON.stringify(u.skills ?? []),
    manager_id: u.managerId ?? null,
    avatar_file_id: u.avatarFileId ?? null,
    cover_file_id: null,
    locale: u.locale ?? null,
    theme: 'system',
    deactivated_at: null,
    last_seen_at: null,
    email_paused_until: null,
    time_zone: null,
    digest_sent_on: null,
    created_at: t,
    updated_at: t,
  };
  await db.insertInto('users').values(row).execute();
  await db
    .insertInto('accounts')
    .values({
      id: `${u.id}-credential`,
      account_id: u.id,
      provider_id: 'credential',
      user_id: u.id,
      access_token: null,
      refresh_token: null,
      id_token: null,
      access_token_expires_at: null,
      refresh_token_expires_at: null,
      scope: null,
      password: passwordHash,
      created_at: t,
      updated_at: t,
    })
    .execute();
  await reindex(db, dialect, row);
  return row;
}

export type UserPatch = Partial<
  Pick<
    UserRow,
    | 'name'
    | 'job_title'
    | 'department'
    | 'location'
    | 'phone'
    | 'about'
    | 'skills'
    | 'manager_id'
    | 'role'
    | 'locale'
    | 'theme'
    | 'avatar_file_id'
    | 'cover_file_id'
    | 'status'
    | 'deactivated_at'
  >
>;

export async function updateUser(db: Executor, dialect: Dialect, id: string, patch: UserPatch): Promise<UserRow> {
  const set: Record<string, unknown> = { ...patch, updated_at: now() };
  if (patch.name !== undefined) set.sort_name = patch.name.toLowerCase();
  await db.updateTable('users').set(set).where('id', '=', id).execute();
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await reindex(db, dialect, row);
  return row;
}

/** Keeps the people search index in step with the row, in the same transaction. */
async function reindex(db: Executor, dialect: Dialect, row: UserRow): Promise<void> {
  const skills = JSON.parse(row.skills) as string[];
  const content = [row.name, row.job_title, row.department, row.location, ...skills].filter(Boolean).join(' \u2022 ');
  await indexPerson(db, dialect, row.id, content);
}

export interface DirectoryQuery {
  q?: string;
  department?: string;
  location?: string;
  status: 'active' | 'deactivated' | 'all';
  /** Guests are external: they appear in the directory for admins only. */
  includeGuests: boolean;
  sort: 'name' | 'newest';
  /** Keyset: the last row's sort key (sort_name, or created_at for `newest`) and id. */
  after?: { key: string; id: string };
  limit: number;
}

/** One keyset page of the directory, ordered by name. Returns limit + 1 rows to tell whether more exist. */
export async function listDirectory(db: Executor, dialect: Dialect, query: DirectoryQuery): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll();
  if (query.status !== 'all') q = q.where('status', '=', query.status);
  if (!query.includeGuests) q = q.where('role', '!=', 'guest');
  if (query.department) q = q.where('department', '=', query.department);
  if (query.location) q = q.where('location', '=', query.location);
  if (query.q) {
    const match = peopleMatch(dialect, query.q);
    if (match) q = q.where(match);
  }
  if (query.sort === 'newest') {
    if (query.after) {
      const { key, id } = query.after;
      q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(key, id)));
    }
    return q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute();
  }
  if (query.after) {
    const { key, id } = query.after;
    q = q.where((eb) => eb(eb.refTuple('sort_name', 'id'), '>', eb.tuple(key, id)));
  }
  return q
    .orderBy('sort_name')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
}

export async function facets(
  db: Executor,
): Promise<{ departments: Array<{ name: string; count: number }>; locations: Array<{ name: string; count: number }> }> {
  const dep = await db
    .selectFrom('users')
    .select(['department as name', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'active')
    .where('role', '!=', 'guest')
    .where('department', 'is not', null)
    .groupBy('department')
    .orderBy('department')
    .execute();
  const loc = await db
    .selectFrom('users')
    .select(['location as name', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'active')
    .where('role', '!=', 'guest')
    .where('location', 'is not', null)
    .groupBy('location')
    .orderBy('location')
    .execute();
  const clean = (rows: Array<{ name: string | null; count: number }>) => rows.map((r) => ({ name: r.name ?? '', count: Number(r.count) }));
  return { departments: clean(dep), locations: clean(loc) };
}

/** Active direct reports of the given managers, ordered by name. */
export async function reportsOf(db: Executor, managerIds: readonly string[]): Promise<UserRow[]> {
  if (managerIds.length === 0) return [];
  return db
    .selectFrom('users')
    .selectAll()
    .where('manager_id', 'in', [...managerIds])
    .where('status', '=', 'active')
    .orderBy('sort_name')
    .orderBy('id')
    .execute();
}

/** Active people without an active manager: the top of the org chart (whose manager left moves up, not out). */
export async function orgRoots(db: Executor, limit: number): Promise<UserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(({ exists, not, selectFrom }) =>
      not(exists(selectFrom('users as manager').select('manager.id').whereRef('manager.id', '=', 'users.manager_id').where('manager.status', '=', 'active'))),
    )
    .where('status', '=', 'active')
    .where('role', '!=', 'guest')
    .orderBy('sort_name')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** How many active people report to each of the given managers (one query). */
export async function reportCounts(db: Executor, managerIds: readonly string[]): Promise<Map<string, number>> {
  if (managerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['manager_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('manager_id', 'in', [...managerIds])
    .where('status', '=', 'active')
    .groupBy('manager_id')
    .execute();
  return new Map(rows.map((r) => [r.manager_id ?? '', Number(r.n)]));
}

/** The chain from a person up to the top (person first). Bounded, so a corrupted cycle cannot loop. */
export async function managerChain(db: Executor, id: string, maxDepth = 50): Promise<UserRow[]> {
  const chain: UserRow[] = [];
  let current: string | null = id;
  const seen = new Set<string>();
  while (current && !seen.has(current) && chain.length < maxDepth) {
    seen.add(current);
    const row = await findById(db, current);
    if (!row) break;
    chain.push(row);
    current = row.manager_id;
  }
  return chain;
}

export async function deleteSessionsOf(db: Executor, userId: string, exceptSessionId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
