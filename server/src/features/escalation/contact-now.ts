import type { BusinessHoursInput, ContactVia, OutOfHoursInput, Weekday } from '@innenhof/contract';
import { Weekdays } from '@innenhof/contract';
import { DateTime, IANAZone } from 'luxon';

/** What `contactNow` needs of a topic (a stored topic, or a simulated one in a workshop). */
export interface ContactTopic {
  responsibleId: string | null;
  deputyId: string | null;
  /** IANA zone of the business hours. */
  timeZone: string;
  businessHours: BusinessHoursInput;
  outOfHours: OutOfHoursInput;
}

export interface HolidayDate {
  /** YYYY-MM-DD, a local date in each topic's zone. */
  date: string;
  name: string;
}

export interface ContactNowResult {
  inHours: boolean;
  /** Whom to contact now; null only with `via: 'wait'` (or a rule naming nobody). */
  contact: string | null;
  deputy: string | null;
  via: ContactVia;
  /** Outside hours: the next start of business hours (UTC ISO); null in hours or when the topic never opens. */
  nextOpening: string | null;
  /** The local day is a company holiday: its name. */
  holiday: string | null;
}

/** How far ahead the next opening is looked for (a topic with no hours at all never opens). */
const HORIZON_DAYS = 400;

/** `HH:mm` → minutes after local midnight (`24:00` = 1440). */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function spansOf(hours: BusinessHoursInput, day: Weekday): Array<{ start: number; end: number }> {
  return (hours[day] ?? []).map((s) => ({ start: minutesOf(s.start), end: minutesOf(s.end) })).sort((a, b) => a.start - b.start);
}

const weekdayOf = (d: DateTime): Weekday => Weekdays[d.weekday - 1] as Weekday;

/** Whose week it is in a rota: one person per ISO week from the Monday of `startWeek`, in order, round and round. */
export function rotaIndex(startWeek: string, local: DateTime, size: number): number {
  if (size <= 0) return 0;
  const start = DateTime.fromISO(`${startWeek}-1`, { zone: 'UTC' });
  const monday = local.startOf('week');
  // Calendar days between the Mondays (UTC arithmetic on the dates, so a DST change never makes 6.96 days).
  const days = Math.round((Date.UTC(monday.year, monday.month - 1, monday.day) - Date.UTC(start.year, start.month - 1, start.day)) / 86_400_000);
  const weeks = Math.floor(days / 7);
  return ((weeks % size) + size) % size;
}

/**
 * The next start of business hours strictly after `local` (a holiday's spans do not count), or null.
 * Spans that do not exist on a DST change day (02:30 in spring) move forward as luxon moves them.
 */
export function nextOpening(hours: BusinessHoursInput, holidays: ReadonlySet<string>, local: DateTime): DateTime | null {
  const nowMinutes = local.hour * 60 + local.minute + local.second / 60;
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const day = local.startOf('day').plus({ days: i });
    if (holidays.has(day.toISODate() as string)) continue;
    for (const s of spansOf(hours, weekdayOf(day))) {
      if (s.start >= 1440) continue;
      if (i === 0 && s.start <= nowMinutes) continue;
      return day.set({ hour: Math.floor(s.start / 60), minute: s.start % 60 });
    }
  }
  return null;
}

/** Whether `zone` is a valid IANA time zone. */
export function validZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Who to contact about a topic at `at`: in business hours the responsible (and deputy); outside them (after
 * hours, weekends, company holidays in the topic's zone) the on-call person, this ISO week's rota person
 * (deputy: next week's), or nobody (`wait`) with the next opening. Pure: the caller passes the clock.
 */
export function contactNow(topic: ContactTopic, holidays: readonly HolidayDate[], at: Date): ContactNowResult {
  const local = DateTime.fromJSDate(at, { zone: topic.timeZone });
  const dates = new Set(holidays.map((h) => h.date));
  const holiday = holidays.find((h) => h.date === local.toISODate())?.name ?? null;
  const m = local.hour * 60 + local.minute + local.second / 60;
  const inHours = !holiday && spansOf(topic.businessHours, weekdayOf(local)).some((s) => s.start <= m && m < s.end);
  if (inHours) return { inHours, contact: topic.responsibleId, deputy: topic.deputyId, via: 'responsible', nextOpening: null, holiday };
  const opening = nextOpening(topic.businessHours, dates, local);
  const next = opening ? (opening.toUTC().toISO() as string) : null;
  const rule = topic.outOfHours;
  if (rule.kind === 'on_call') return { inHours, contact: rule.userId, deputy: null, via: 'on_call', nextOpening: next, holiday };
  if (rule.kind === 'rota') {
    const n = rule.userIds.length;
    const i = rotaIndex(rule.startWeek, local, n);
    return {
      inHours,
      contact: rule.userIds[i] ?? null,
      deputy: n > 1 ? (rule.userIds[(i + 1) % n] ?? null) : null,
      via: 'rota',
      nextOpening: next,
      holiday,
    };
  }
  return { inHours, contact: null, deputy: null, via: 'wait', nextOpening: next, holiday };
}
