import crypto from 'node:crypto';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { NotFoundError } from '../../core/errors.js';
import { now } from '../../core/ids.js';
import type { Actor } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import * as users from '../users/repository.js';
import { factsOf } from './presenter.js';
import { eventReadable } from './policy.js';
import * as repo from './repository.js';
import { loadEvent } from './service.js';
import { localIn } from './time.js';

/**
 * iCalendar output: one VEVENT per event; a recurring event as one VEVENT with its RRULE, EXDATE for
 * cancelled occurrences and a RECURRENCE-ID VEVENT per changed one; times with TZID and a VTIMEZONE.
 * Never an ATTENDEE or an e-mail address: the organiser appears only by name, in the description.
 */
function calendarOf(
  ctx: AppContext,
  name: string,
  rows: repo.EventRow[],
  overrides: Map<string, Map<string, repo.OverrideRow>>,
  organizers: Map<string, users.UserRow>,
) {
  const cal = ical({ name, prodId: { company: 'Innenhof', product: 'Innenhof', language: 'EN' }, timezone: { name: null, generator: getVtimezoneComponent } });
  for (const row of rows) {
    const allDay = row.all_day === 1;
    const zone = row.time_zone;
    const at = (local: string) => localIn(local, zone);
    const endOf = (local: string) => (allDay ? localIn(local, zone).plus({ days: 1 }) : localIn(local, zone));
    const organizer = row.organizer_id ? organizers.get(row.organizer_id)?.name : undefined;
    const description = [row.description, organizer ? `— ${organizer}` : ''].filter(Boolean).join('\n\n');
    const base = {
      id: `innenhof-event-${row.id}`,
      allDay,
      ...(allDay ? {} : { timezone: zone }),
      stamp: DateTime.fromISO(row.updated_at),
      lastModified: DateTime.fromISO(row.updated_at),
      created: DateTime.fromISO(row.created_at),
      url: `${ctx.config.publicUrl}/events/${row.id}`,
      status: row.cancelled_at ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    };
    const own = overrides.get(row.id) ?? new Map<string, repo.OverrideRow>();
    const originalLocal = (occurrence: string) => DateTime.fromISO(occurrence).setZone(zone);
    const exdates = [...own.values()]
      .filter((o) => o.cancelled_at)
      .map((o) => (allDay ? originalLocal(o.occurrence).toFormat('yyyyLLdd') : originalLocal(o.occurrence).toFormat("yyyyLLdd'T'HHmmss")));
    const repeating = row.recurrence
      ? [
          `RRULE:${icsRule(row.recurrence, zone, allDay)}`,
          ...(exdates.length ? [allDay ? `EXDATE;VALUE=DATE:${exdates.join(',')}` : `EXDATE;TZID=${zone}:${exdates.join(',')}`] : []),
        ].join('\n')
      : null;
    cal.createEvent({
      ...base,
      start: at(row.start_local),
      end: endOf(row.end_local),
      summary: row.title,
      description: description || null,
      location: row.location || null,
      repeating,
    });
    if (!row.recurrence) continue;
    for (const o of own.values()) {
      if (o.cancelled_at) continue;
      const start = o.start_local ? at(o.start_local) : originalLocal(o.occurrence);
      const length = localIn(row.end_local, zone).diff(localIn(row.start_local, zone));
      cal.createEvent({
        ...base,
        recurrenceId: originalLocal(o.occurrence),
        start,
        end: o.end_local ? endOf(o.end_local) : allDay ? endOf(row.end_local).plus(start.diff(at(row.start_local))) : start.plus(length),
        summary: o.title ?? row.title,
        description: (o.description ?? description) || null,
        location: (o.location !== null ? o.location : row.location) || null,
      });
    }
  }
  return cal.toString();
}

/**
 * The RRULE as RFC 5545 wants it next to a DTSTART with TZID: UNTIL in UTC (ours is read as local
 * wall-clock time, a date meaning the end of that day); for all-day events UNTIL stays a date.
 */
function icsRule(rule: string, zone: string, allDay: boolean): string {
  return rule.replace(/UNTIL=(\d{8})(T(\d{6})Z?)?/, (_m, date: string, _t, time: string | undefined) => {
    if (allDay) return `UNTIL=${date}`;
    const local = DateTime.fromFormat(`${date}${time ?? '235959'}`, 'yyyyLLddHHmmss', { zone });
    return `UNTIL=${local.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'")}`;
  });
}

async function render(ctx: AppContext, name: string, rows: repo.EventRow[]): Promise<string> {
  const db = ctx.db.db;
  const [overrides, organizers] = await Promise.all([
    repo.overridesOf(
      db,
      rows.map((r) => r.id),
    ),
    users.findByIds(
      db,
      rows.flatMap((r) => (r.organizer_id ? [r.organizer_id] : [])),
    ),
  ]);
  return calendarOf(ctx, name, rows, overrides, organizers);
}

/** The .ics file of one event (the whole series) for whoever can see it. */
export async function eventIcs(ctx: AppContext, actor: Actor, id: string): Promise<{ filename: string; body: string }> {
  const { row } = await loadEvent(ctx.db.db, actor, id);
  const base = row.title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return { filename: `${base || 'event'}.ics`, body: await render(ctx, row.title, [row]) };
}

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

function feedUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/api/v1/calendar/feed/${token}.ics`;
}

/** The secret token of a feed: an HMAC of its random nonce under the server's secret (never stored). */
const tokenOf = (ctx: AppContext, nonce: string) => crypto.createHmac('sha256', ctx.secret).update(`calendar-feed:${nonce}`).digest('base64url');

/**
 * My calendar feed's URL (null: none). The database keeps a random nonce and the token's SHA-256 only:
 * the server re-derives the URL with its secret to show it in the settings again.
 */
export async function getFeed(ctx: AppContext, actor: Actor): Promise<{ url: string | null; createdAt: string | null }> {
  const row = await ctx.db.db.selectFrom('calendar_feeds').select(['nonce', 'created_at']).where('user_id', '=', actor.id).executeTakeFirst();
  return row ? { url: feedUrl(ctx, tokenOf(ctx, row.nonce)), createdAt: row.created_at } : { url: null, createdAt: null };
}

/** A new feed URL; the old one stops working at once. */
export async function rotateFeed(ctx: AppContext, actor: Actor): Promise<{ url: string; createdAt: string }> {
  const nonce = crypto.randomBytes(32).toString('base64url');
  const token = tokenOf(ctx, nonce);
  const createdAt = now();
  await ctx.db.transaction(async (tx) => {
    await tx.db.deleteFrom('calendar_feeds').where('user_id', '=', actor.id).execute();
    await tx.db
      .insertInto('calendar_feeds')
      .values({ user_id: actor.id, nonce, token_hash: hash(token), created_at: createdAt })
      .execute();
  });
  return { url: feedUrl(ctx, token), createdAt };
}

export async function revokeFeed(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.db.deleteFrom('calendar_feeds').where('user_id', '=', actor.id).execute();
}

const DAY_MS = 24 * 3600_000;

/**
 * The personal feed behind a token (no session: the token is the authority; unknown or revoked → 404):
 * events the person can see now and organises, answered going/maybe/waiting, or was invited to by name,
 * from 60 days ago to a year ahead.
 */
export async function feedIcs(ctx: AppContext, token: string): Promise<string> {
  const db = ctx.db.db;
  const feed = await db.selectFrom('calendar_feeds').select('user_id').where('token_hash', '=', hash(token)).executeTakeFirst();
  const user = feed ? await users.findById(db, feed.user_id) : undefined;
  if (!user || user.status !== 'active') throw new NotFoundError('Calendar');
  const actor: Actor = { id: user.id, role: user.role, status: user.status };
  const from = new Date(Date.now() - 60 * DAY_MS).toISOString();
  const to = new Date(Date.now() + 366 * DAY_MS).toISOString();
  const rows = await repo
    .visibleEvents(db, actor)
    .where('starts_at', '<', to)
    .where((eb) =>
      eb.or([eb('ends_at', '>', from), eb('series_ends_at', '>', from), eb.and([eb('recurrence', 'is not', null), eb('series_ends_at', 'is', null)])]),
    )
    .where((eb) =>
      eb.or([
        eb('organizer_id', '=', actor.id),
        eb('id', 'in', db.selectFrom('event_rsvps').select('event_id').where('user_id', '=', actor.id).where('status', 'in', ['going', 'maybe', 'waiting'])),
        eb('id', 'in', db.selectFrom('event_invitees').select('event_id').where('user_id', '=', actor.id)),
      ]),
    )
    .orderBy('starts_at')
    .limit(2000)
    .execute();
  // The SQL scope and the policy agree; the policy has the last word.
  const facts = await factsOf(db, actor, rows);
  return render(
    ctx,
    'Innenhof',
    rows.filter((r) => eventReadable(actor, facts.get(r.id) as never)),
  );
}
