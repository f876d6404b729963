import {
  type EmailChannel,
  type GroupPostsSetting,
  type Notification,
  type NotificationPage,
  type NotificationSettings,
  type NotificationType,
  NotificationTypes,
  type UpdateNotificationSettings,
} from '@innenhof/contract';
import { plainText } from '@innenhof/contract/markdown';
import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../core/db/index.js';
import { fieldError, NotFoundError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { enqueue } from '../../core/jobs.js';
import { appendEvent, type StoredEvent } from '../../core/outbox.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import type { Actor } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { visibleEventTitles } from '../events/service.js';
import { visibleWorkshopTitles } from '../workshops/for-notifications.js';
import { readablePosts } from '../feed/service.js';
import { groupsForFeed } from '../groups/service.js';
import { pollQuestions } from '../polls/for-posts.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import { DEFAULT_CHANNELS, FIRST_EMAIL_DELAY_MS, type NotificationDraft, PRIORITY, producersFor, URGENT_TYPES } from './registry.js';
import { visibleEscalationTitles } from '../escalation/visibility.js';
import type { NotificationsTable } from './tables.js';

export type NotificationRow = Selectable<NotificationsTable>;

/** Digests arrive at 07:00 in this zone for people who did not choose one. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

export function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The job that builds and queues one notification's (debounced) e-mail. */
export const EMAIL_JOB = 'notifications.email';
/** Several events on the same row within this time become one e-mail. */
export const EMAIL_DEBOUNCE_MS = 10 * 60_000;
const ACTORS_KEPT = 50;

interface Channels {
  inApp: boolean;
  email: EmailChannel;
}

/** Each person's effective channels for a draft: their setting for the type, for group posts the group's. */
async function channelsFor(db: Executor, drafts: NotificationDraft[]): Promise<Map<NotificationDraft, Channels>> {
  const ids = [...new Set(drafts.map((d) => d.userId))];
  const rows = ids.length
    ? await db.selectFrom('notification_settings').select(['user_id', 'type', 'scope', 'in_app', 'email']).where('user_id', 'in', ids).execute()
    : [];
  const byKey = new Map(rows.map((r) => [`${r.user_id}|${r.type}|${r.scope}`, r]));
  const out = new Map<NotificationDraft, Channels>();
  for (const d of drafts) {
    const base = DEFAULT_CHANNELS[d.type];
    const own = byKey.get(`${d.userId}|${d.type}|`);
    let ch: Channels = { inApp: own?.in_app != null ? own.in_app === 1 : base.inApp, email: (own?.email as EmailChannel | null) ?? base.email };
    if (d.type === 'group_post' && d.groupId) {
      const posts = (byKey.get(`${d.userId}|group_post|${d.groupId}`)?.email as GroupPostsSetting | undefined) ?? 'all';
      // "Only announcements and mentions": those come as their own types; plain posts are dropped.
      if (posts !== 'all') ch = { inApp: false, email: 'off' };
    }
    if (URGENT_TYPES.has(d.type)) ch = { inApp: true, email: 'immediately' };
    out.set(d, ch);
  }
  return out;
}

/**
 * The fan-out job for one event: each producer's drafts, one per person (the most important wins), folded
 * into the person's unread row of the same key; receipts make a second run change nothing. Every person
 * whose bell changed gets `notifications.changed` (an invalidation) — in the same transaction.
 */
export async function fanout(ctx: AppContext, eventId: string): Promise<void> {
  const row = await ctx.db.db.selectFrom('outbox_events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!row) return;
  const event: StoredEvent = {
    id: row.id,
    type: row.type,
    actorId: row.actor_id,
    subjectId: row.subject_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
  };
  const all = (await Promise.all(producersFor(event.type).map((p) => p(ctx.db.db, event, ctx)))).flat();
  const best = new Map<string, NotificationDraft>();
  for (const d of all) {
    if (d.userId === event.actorId) continue;
    const had = best.get(d.userId);
    if (!had || PRIORITY.indexOf(d.type) < PRIORITY.indexOf(had.type)) best.set(d.userId, d);
  }
  if (best.size === 0) return;
  const recipients = await users.findByIds(ctx.db.db, [...best.keys()]);
  const drafts = [...best.values()].filter((d) => recipients.get(d.userId)?.status === 'active');
  const channels = await channelsFor(ctx.db.db, drafts);
  await ctx.db.transaction(async (tx) => {
    const changed = new Set<string>();
    for (const d of drafts) {
      const ch = channels.get(d) as Channels;
      if (!ch.inApp && ch.email === 'off') continue;
      const receipt = await tx.db
        .insertInto('notification_receipts')
        .values({ event_id: event.id, user_id: d.userId, created_at: now() })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(receipt.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      const n = await fold(tx, d, event.actorId, ch);
      if (ch.email === 'immediately') await scheduleEmail(tx, n, recipients.get(d.userId)?.email_paused_until ?? null);
      if (ch.inApp) changed.add(d.userId);
    }
    for (const userId of changed) await appendEvent(tx, { type: 'notifications.changed', subjectId: null, payload: { userId } }, ctx.outbox);
  });
  ctx.jobs.kick();
}

/** Adds one event to the person's unread row of that key, or starts a new row. */
async function fold(tx: Tx, d: NotificationDraft, actorId: string | null, ch: Channels): Promise<NotificationRow> {
  const at = now();
  const open = await tx.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', d.userId)
    .where('group_key', '=', d.groupKey)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (open) {
    const actors = JSON.parse(open.actor_ids) as string[];
    const next = actorId ? [actorId, ...actors.filter((a) => a !== actorId)].slice(0, ACTORS_KEPT) : actors;
    const changes = {
      actor_ids: JSON.stringify(next),
      count: open.count + 1,
      in_app: ch.inApp || open.in_app === 1 ? 1 : 0,
      target_kind: d.target.kind,
      target_id: d.target.id,
      post_id: d.postId ?? open.post_id,
      detail: d.detail ?? open.detail,
      updated_at: at,
    };
    await tx.db.updateTable('notifications').set(changes).where('id', '=', open.id).execute();
    return { ...open, ...changes };
  }
  const row: NotificationRow = {
    id: newId(),
    user_id: d.userId,
    type: d.type,
    group_key: d.groupKey,
    target_kind: d.target.kind,
    target_id: d.target.id,
    post_id: d.postId ?? null,
    group_id: d.groupId ?? null,
    detail: d.detail ?? null,
    actor_ids: JSON.stringify(actorId ? [actorId] : []),
    count: 1,
    in_app: ch.inApp ? 1 : 0,
    read_at: null,
    emailed_at: null,
    email_due_at: null,
    digested_at: null,
    created_at: at,
    updated_at: at,
  };
  await tx.db.insertInto('notifications').values(row).execute();
  return row;
}

/**
 * Debounce: the first event of a row is mailed at once; more within 10 minutes of the last e-mail wait
 * for one e-mail at the end of that window. One job per due e-mail.
 */
async function scheduleEmail(tx: Tx, n: NotificationRow, pausedUntil: string | null): Promise<void> {
  if (pausedUntil && pausedUntil > now() && !URGENT_TYPES.has(n.type as NotificationType)) return;
  if (n.email_due_at) return;
  const delay = FIRST_EMAIL_DELAY_MS[n.type as NotificationType] ?? 0;
  const due = new Date(Math.max(Date.now() + delay, n.emailed_at ? Date.parse(n.emailed_at) + EMAIL_DEBOUNCE_MS : 0)).toISOString();
  await tx.db.updateTable('notifications').set({ email_due_at: due }).where('id', '=', n.id).execute();
  await enqueue(tx.db, EMAIL_JOB, { notificationId: n.id }, { runAt: due });
}

interface Shown {
  row: NotificationRow;
  excerpt: string | null;
  group: { id: string; name: string } | null;
}

/**
 * Which rows the person may still see, with their excerpt and group — checked now, not when the event
 * happened: a post that became invisible (left the group, deleted) takes its notifications with it.
 */
export async function visibleNotifications(db: Executor, actor: Actor, rows: NotificationRow[]): Promise<Shown[]> {
  const posts = await readablePosts(
    db,
    actor,
    rows.map((r) => r.post_id).filter((x): x is string => Boolean(x)),
  );
  // A poll's notifications show its question (the post's text may be empty).
  const questions = await pollQuestions(
    db,
    rows.filter((r) => r.post_id && (r.type === 'poll' || r.type === 'poll_reminder')).map((r) => r.post_id as string),
  );
  const commentIds = rows.filter((r) => r.target_kind === 'comment').map((r) => r.target_id);
  const comments = commentIds.length
    ? new Map((await db.selectFrom('comments').select(['id', 'body', 'deleted_at']).where('id', 'in', commentIds).execute()).map((c) => [c.id, c]))
    : new Map<string, { id: string; body: string; deleted_at: string | null }>();
  const groups = await groupsForFeed(
    db,
    actor.id,
    rows.map((r) => r.group_id).filter((x): x is string => Boolean(x)),
  );
  // Events: still visible to this person now; the excerpt is the event's title.
  const events = await visibleEventTitles(
    db,
    actor,
    rows.filter((r) => r.target_kind === 'event').map((r) => r.target_id),
  );
  // Workshop sessions: only while the person still takes part (or runs it); the excerpt is the session's title.
  const workshops = await visibleWorkshopTitles(
    db,
    actor,
    rows.filter((r) => r.target_kind === 'workshop').map((r) => r.target_id),
  );
  // Escalations: the raiser, the people of its chain and admins; the excerpt is the topic's title.
  const escalations = await visibleEscalationTitles(
    db,
    actor,
    rows.filter((r) => r.target_kind === 'escalation').map((r) => r.target_id),
  );
  const out: Shown[] = [];
  for (const row of rows) {
    const g = row.group_id ? groups.get(row.group_id) : undefined;
    if (row.target_kind === 'escalation') {
      const title = escalations.get(row.target_id);
      if (title !== undefined) out.push({ row, excerpt: excerptOf(title), group: null });
      continue;
    }
    if (row.target_kind === 'workshop') {
      const title = workshops.get(row.target_id);
      if (title !== undefined) out.push({ row, excerpt: excerptOf(title), group: null });
      continue;
    }
    if (row.target_kind === 'event') {
      const title = events.get(row.target_id);
      if (title !== undefined) out.push({ row, excerpt: excerptOf(title), group: g ? { id: g.id, name: g.name } : null });
      continue;
    }
    if (row.post_id) {
      const post = posts.get(row.post_id);
      if (!post) continue;
      const comment = row.target_kind === 'comment' ? comments.get(row.target_id) : undefined;
      const text = comment && !comment.deleted_at ? comment.body : (questions.get(post.id) ?? post.body);
      out.push({ row, excerpt: excerptOf(text), group: g ? { id: g.id, name: g.name } : null });
      continue;
    }
    if (row.target_kind === 'conversation') {
      const member = await db
        .selectFrom('conversation_members')
        .select('user_id')
        .where('conversation_id', '=', row.target_id)
        .where('user_id', '=', actor.id)
        .executeTakeFirst();
      if (member) out.push({ row, excerpt: null, group: null });
      continue;
    }
    if (row.group_id) {
      // Group events: the group still exists, and it is no secret from this person (or they are invited to it).
      if (!g || (g.visibility === 'secret' && g.role === null && row.type !== 'group_invitation')) continue;
      out.push({ row, excerpt: null, group: { id: g.id, name: g.name } });
    }
  }
  return out;
}

function excerptOf(body: string): string | null {
  const text = plainText(body);
  if (!text) return null;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function urlOf(row: NotificationRow, group: { id: string } | null): string {
  if (row.target_kind === 'conversation') return `/chat/${row.target_id}`;
  if (row.target_kind === 'event') return `/events/${row.target_id}`;
  if (row.target_kind === 'escalation') return `/escalations/${row.target_id}`;
  if (row.target_kind === 'workshop') return `/workshops/sessions/${row.target_id}`;
  if (row.post_id) return row.target_kind === 'comment' ? `/posts/${row.post_id}?comment=${row.target_id}` : `/posts/${row.post_id}`;
  return `/groups/${group?.id ?? row.group_id ?? ''}`;
}

async function present(db: Executor, actor: Actor, rows: NotificationRow[]): Promise<Notification[]> {
  const shown = await visibleNotifications(db, actor, rows);
  const actorIds = shown.flatMap((s) => (JSON.parse(s.row.actor_ids) as string[]).slice(0, 3));
  const people = await users.findByIds(db, actorIds);
  return shown.map(({ row, excerpt, group }) => {
    const ids = JSON.parse(row.actor_ids) as string[];
    return {
      id: row.id,
      type: row.type as NotificationType,
      actors: ids.slice(0, 3).flatMap((id) => {
        const u = people.get(id);
        return u ? [presentSummary(u)] : [];
      }),
      actorCount: ids.length,
      count: row.count,
      target: { kind: row.target_kind, id: row.target_id, url: urlOf(row, group) },
      group,
      excerpt,
      detail: row.detail,
      read: row.read_at !== null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('in_app', '=', 1)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The bell: newest (last changed) first, keyset-paged; rows the person may no longer see are left out. */
export async function list(ctx: AppContext, actor: Actor, query: { cursor?: string; limit?: number; unread?: boolean }): Promise<NotificationPage> {
  const db = ctx.db.db;
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, 2);
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', actor.id).where('in_app', '=', 1);
  if (query.unread) q = q.where('read_at', 'is', null);
  if (after) {
    const [at, id] = after.map(String) as [string, string];
    q = q.where((eb) => eb.or([eb('updated_at', '<', at), eb.and([eb('updated_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await present(db, actor, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.updated_at, last.id]) : null,
    unread: await unreadCount(db, actor.id),
  };
}

async function changed(ctx: AppContext, tx: Tx, userId: string): Promise<void> {
  await appendEvent(tx, { type: 'notifications.changed', subjectId: null, payload: { userId } }, ctx.outbox);
}

export async function markRead(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await tx.db.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
    if (!row) throw new NotFoundError('Notification');
    if (row.read_at) return;
    await tx.db.updateTable('notifications').set({ read_at: now(), email_due_at: null }).where('id', '=', id).execute();
    await changed(ctx, tx, actor.id);
  });
}

export async function markAllRead(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .updateTable('notifications')
      .set({ read_at: now(), email_due_at: null })
      .where('user_id', '=', actor.id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) await changed(ctx, tx, actor.id);
  });
}

export async function getSettings(ctx: AppContext, actor: Actor): Promise<NotificationSettings> {
  const db = ctx.db.db;
  const [rows, groups, me] = await Promise.all([
    db.selectFrom('notification_settings').selectAll().where('user_id', '=', actor.id).execute(),
    db
      .selectFrom('group_members as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select(['g.id', 'g.name'])
      .where('m.user_id', '=', actor.id)
      .orderBy('g.name')
      .execute(),
    db.selectFrom('users').select(['email_paused_until', 'time_zone']).where('id', '=', actor.id).executeTakeFirst(),
  ]);
  const own = new Map(rows.map((r) => [`${r.type}|${r.scope}`, r]));
  const paused = me?.email_paused_until && me.email_paused_until > now() ? me.email_paused_until : null;
  return {
    types: NotificationTypes.map((type) => {
      const r = own.get(`${type}|`);
      return {
        type,
        inApp: r?.in_app != null ? r.in_app === 1 : DEFAULT_CHANNELS[type].inApp,
        email: (r?.email as EmailChannel | null) ?? DEFAULT_CHANNELS[type].email,
      };
    }),
    groups: groups.map((g) => ({ groupId: g.id, name: g.name, posts: (own.get(`group_post|${g.id}`)?.email as GroupPostsSetting | undefined) ?? 'all' })),
    emailPausedUntil: paused,
    timeZone: me?.time_zone ?? DEFAULT_TIME_ZONE,
    timeZoneSet: Boolean(me?.time_zone),
  };
}

export async function updateSettings(ctx: AppContext, actor: Actor, input: UpdateNotificationSettings): Promise<NotificationSettings> {
  const memberOf = new Set(
    input.groups?.length
      ? (await ctx.db.db.selectFrom('group_members').select('group_id').where('user_id', '=', actor.id).execute()).map((r) => r.group_id)
      : [],
  );
  for (const [i, g] of (input.groups ?? []).entries()) {
    if (!memberOf.has(g.groupId)) throw fieldError(`groups.${i}.groupId`, 'is not a group you belong to');
  }
  if (input.timeZone !== undefined && !validTimeZone(input.timeZone)) throw fieldError('timeZone', 'is not an IANA time zone like Europe/Berlin');
  await ctx.db.transaction(async (tx) => {
    if (input.timeZone !== undefined) await tx.db.updateTable('users').set({ time_zone: input.timeZone }).where('id', '=', actor.id).execute();
    const at = now();
    const upsert = async (type: string, scope: string, values: { in_app?: number | null; email?: string | null }) => {
      await tx.db
        .insertInto('notification_settings')
        .values({ user_id: actor.id, type, scope, in_app: values.in_app ?? null, email: values.email ?? null, updated_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'type', 'scope']).doUpdateSet({ ...values, updated_at: at }))
        .execute();
    };
    for (const t of input.types ?? []) {
      await upsert(t.type, '', {
        ...(t.inApp !== undefined ? { in_app: t.inApp ? 1 : 0 } : {}),
        ...(t.email !== undefined ? { email: t.email } : {}),
      });
    }
    for (const g of input.groups ?? []) await upsert('group_post', g.groupId, { email: g.posts });
    if (input.pauseEmailDays !== undefined) {
      const until = input.pauseEmailDays > 0 ? new Date(Date.now() + input.pauseEmailDays * 86_400_000).toISOString() : null;
      await tx.db.updateTable('users').set({ email_paused_until: until }).where('id', '=', actor.id).execute();
    }
  });
  return getSettings(ctx, actor);
}
