import { DateTime, IANAZone } from 'luxon';
import rrule from 'rrule';
import { fieldError } from '../../core/errors.js';

const { RRule } = rrule;

/** Expansions stop here: two years ahead of the window start and 500 occurrences. */
export const MAX_OCCURRENCES = 500;
export const MAX_SPAN_MS = 2 * 366 * 24 * 3600_000;

export function validZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** A local wall-clock string (`2026-12-04T12:00`) as a luxon DateTime in `zone` (DST gaps move forward). */
export function localIn(local: string, zone: string): DateTime {
  return DateTime.fromISO(local, { zone });
}

/** The ISO UTC instant of a local time. */
export function instantOf(local: string, zone: string): string {
  return localIn(local, zone).toUTC().toISO() as string;
}

/** Canonical ISO UTC with milliseconds (occurrence keys compare as strings). */
export function iso(value: string | Date): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString();
}

/** A timestamp from a request, as canonical ISO UTC, or 400 naming the field. */
export function instantParam(value: string, field: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw fieldError(field, 'is not a timestamp');
  return new Date(t).toISOString();
}

/** Local wall-clock strings normalised: `YYYY-MM-DDTHH:mm` (or `YYYY-MM-DD` for all-day). */
export function normalizeLocal(local: string, allDay: boolean, field: string): string {
  const d = DateTime.fromISO(local, { zone: 'utc' });
  if (!d.isValid) throw fieldError(field, 'is not a valid date');
  return allDay ? (d.toISODate() as string) : d.toFormat("yyyy-MM-dd'T'HH:mm");
}

export interface Timing {
  allDay: boolean;
  startLocal: string;
  endLocal: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Validates and converts an event's times: timed events end after they start; all-day events give dates,
 * the end date inclusive (≥ start) and span [start 00:00, end+1 00:00) in the zone.
 */
export function timing(start: string, end: string, zone: string, allDay: boolean): Timing {
  if (!validZone(zone)) throw fieldError('timeZone', 'is not a known IANA time zone');
  const startLocal = normalizeLocal(start, allDay, 'start');
  const endLocal = normalizeLocal(end, allDay, 'end');
  if (allDay) {
    if (endLocal < startLocal) throw fieldError('end', 'must not be before the start');
  } else if (endLocal <= startLocal) {
    throw fieldError('end', 'must be after the start');
  }
  const { startsAt, endsAt } = instants(startLocal, endLocal, zone, allDay);
  return { allDay, startLocal, endLocal, startsAt, endsAt };
}

export function instants(startLocal: string, endLocal: string, zone: string, allDay: boolean): { startsAt: string; endsAt: string } {
  if (allDay) {
    return {
      startsAt: iso(localIn(startLocal, zone).startOf('day').toJSDate()),
      endsAt: iso(localIn(endLocal, zone).plus({ days: 1 }).startOf('day').toJSDate()),
    };
  }
  return { startsAt: iso(localIn(startLocal, zone).toJSDate()), endsAt: iso(localIn(endLocal, zone).toJSDate()) };
}

const DAY = '(MO|TU|WE|TH|FR|SA|SU)';
const list = (item: string) => new RegExp(`^${item}(,${item})*$`);
const PARTS: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,3}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  BYDAY: list(`[+-]?([1-9]|[1-4]\\d|5[0-3])?${DAY}`),
  BYMONTHDAY: list('-?([1-9]|[12]\\d|3[01])'),
  BYMONTH: list('([1-9]|1[0-2])'),
  BYSETPOS: list('-?([1-9]\\d{0,2})'),
  BYYEARDAY: list('-?([1-9]\\d{0,2})'),
  BYWEEKNO: list('-?([1-9]|[1-4]\\d|5[0-3])'),
  WKST: new RegExp(`^${DAY}$`),
};

/** A validated RRULE (without the `RRULE:` prefix), normalised to upper case; anything unknown → 400 `recurrence`. */
export function parseRecurrence(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const rule = text
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  const seen = new Set<string>();
  for (const part of rule.split(';')) {
    const [key, value, ...rest] = part.split('=');
    const re = key ? PARTS[key] : undefined;
    if (!key || !re || value === undefined || rest.length || !re.test(value) || seen.has(key)) {
      throw fieldError('recurrence', `not a supported RRULE part: ${part || '(empty)'}`);
    }
    seen.add(key);
  }
  if (!seen.has('FREQ')) throw fieldError('recurrence', 'FREQ is required');
  // UNTIL is read as local wall-clock time like the occurrences; a date means through the end of that day.
  const normalised = rule.replace(/UNTIL=(\d{8})(?:T(\d{6})Z?)?(?=;|$)/, (_m, date: string, time: string | undefined) => `UNTIL=${date}T${time ?? '235959'}`);
  if (seen.has('COUNT') && seen.has('UNTIL')) throw fieldError('recurrence', 'COUNT and UNTIL exclude each other');
  try {
    const r = new RRule({ ...RRule.parseString(normalised), dtstart: new Date(Date.UTC(2026, 0, 1, 12)) });
    r.all((_d, i) => i < 2);
  } catch {
    throw fieldError('recurrence', 'is not a valid RRULE');
  }
  return normalised;
}

/** A local wall-clock time as a "floating" Date (the wall-clock digits read as UTC), as rrule works. */
function floating(dt: DateTime): Date {
  return new Date(Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second));
}

function fromFloating(d: Date, zone: string): DateTime {
  return DateTime.fromObject(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() },
    { zone },
  );
}

export interface Occurrence {
  /** Original start instant (the key of RSVPs and overrides). */
  occurrence: string;
  startLocal: string;
  endLocal: string;
  startsAt: string;
  endsAt: string;
}

export interface SeriesTimes {
  time_zone: string;
  all_day: number;
  start_local: string;
  end_local: string;
  starts_at: string;
  ends_at: string;
  recurrence: string | null;
}

function fmtLocal(dt: DateTime, allDay: boolean): string {
  return allDay ? (dt.toISODate() as string) : dt.toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * The occurrences of an event overlapping [from, to) (instants), in order. A recurrence is expanded on the
 * local wall-clock time (floating), and each local start converted to an instant in the event's zone, so a
 * Friday 12:00 Berlin lunch is 10:00Z in summer and 11:00Z in winter. Bounded (MAX_OCCURRENCES, MAX_SPAN_MS).
 */
export function occurrencesOf(e: SeriesTimes, from: string, to: string, max = MAX_OCCURRENCES): Occurrence[] {
  const allDay = e.all_day === 1;
  if (!e.recurrence) {
    const single = { occurrence: e.starts_at, startLocal: e.start_local, endLocal: e.end_local, startsAt: e.starts_at, endsAt: e.ends_at };
    return e.ends_at > from && e.starts_at < to ? [single] : [];
  }
  const zone = e.time_zone;
  const start = localIn(e.start_local, zone);
  const end = localIn(e.end_local, zone);
  const length = allDay ? { days: Math.round(end.diff(start, 'days').days) } : { minutes: Math.round(end.diff(start, 'minutes').minutes) };
  const rule = new RRule({ ...RRule.parseString(e.recurrence), dtstart: floating(start) });
  const cap = Math.min(Date.parse(to), Date.parse(from) + MAX_SPAN_MS);
  // Local digits may lie up to 14 h away from the instants, and an occurrence started before `from` may still run.
  const lo = new Date(Date.parse(from) - 36 * 3600_000 - (Date.parse(e.ends_at) - Date.parse(e.starts_at)));
  const hi = new Date(cap + 36 * 3600_000);
  const out: Occurrence[] = [];
  rule.between(lo, hi, true, (d) => {
    const ls = fromFloating(d, zone);
    const le = ls.plus(length);
    const sl = fmtLocal(ls, allDay);
    const el = fmtLocal(le, allDay);
    const { startsAt, endsAt } = instants(sl, el, zone, allDay);
    if (endsAt > from && startsAt < to && Date.parse(startsAt) < cap) out.push({ occurrence: startsAt, startLocal: sl, endLocal: el, startsAt, endsAt });
    return out.length < max;
  });
  return out;
}

/** The UTC end of a bounded series' last occurrence (null: unbounded or not recurring). */
export function seriesEnd(e: SeriesTimes): string | null {
  if (!e.recurrence) return null;
  const opts = RRule.parseString(e.recurrence);
  if (!opts.count && !opts.until) return null;
  const all = occurrencesOf(e, e.starts_at, '9999-12-31T00:00:00.000Z', 5000);
  const last = all[all.length - 1];
  return last ? last.endsAt : e.ends_at;
}

/** Whether `occurrence` (an original start instant) is one of the event's occurrences. */
export function isOccurrence(e: SeriesTimes, occurrence: string): Occurrence | null {
  if (!e.recurrence) return occurrence === e.starts_at ? (occurrencesOf(e, e.starts_at, '9999-12-31T00:00:00.000Z', 1)[0] ?? null) : null;
  const at = Date.parse(occurrence);
  const found = occurrencesOf(e, new Date(at - 1).toISOString(), new Date(at + 1).toISOString(), 50);
  return found.find((o) => o.occurrence === occurrence) ?? null;
}
