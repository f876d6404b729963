/**
 * Time-zone arithmetic with `Intl` only: events are stored as UTC instants plus their IANA zone; the app
 * shows them in the viewer's zone, and edits them as wall-clock time in the event's zone.
 */

/** Every IANA zone the browser knows, with `current` first among them if it is missing. */
export function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of an instant in a zone. */
export function zonedParts(iso: string | Date, zone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let format = partsFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(typeof iso === 'string' ? new Date(iso) : iso)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dateKey(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The day (`YYYY-MM-DD`) an instant falls on in a zone. */
export function dayIn(iso: string, zone: string): string {
  const p = zonedParts(iso, zone);
  return dateKey(p.year, p.month, p.day);
}

/** An instant as the values of a date and a time input in a zone. */
export function localInputs(iso: string, zone: string): { date: string; time: string } {
  const p = zonedParts(iso, zone);
  return { date: dateKey(p.year, p.month, p.day), time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Today's date in a zone. */
export function todayIn(zone: string): string {
  return dayIn(new Date().toISOString(), zone);
}

/** `YYYY-MM-DD` plus days (calendar arithmetic in UTC, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds minutes to a local date and time (`12:00` + 60 → `13:00`, crossing midnight into the next day). */
export function addMinutes(date: string, time: string, minutes: number): { date: string; time: string } {
  const d = new Date(`${date}T${time || '00:00'}:00Z`);
  if (Number.isNaN(d.getTime())) return { date, time };
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  const iso = d.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Minutes between two local date-times (negative when the end is before the start). */
export function minutesBetween(startDate: string, startTime: string, endDate: string, endTime: string): number {
  const a = new Date(`${startDate}T${startTime || '00:00'}:00Z`).getTime();
  const b = new Date(`${endDate}T${endTime || '00:00'}:00Z`).getTime();
  return Math.round((b - a) / 60_000);
}

/** Monday-first weekday index (0 = Monday) of a `YYYY-MM-DD`. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The weeks (Monday to Sunday) that show a month, as `YYYY-MM-DD`. */
export function monthGrid(month: string): string[][] {
  const first = `${month}-01`;
  const start = addDays(first, -weekdayIndex(first));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const end = addDays(last, 6 - weekdayIndex(last));
  const weeks: string[][] = [];
  for (let day = start; day <= end; ) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** `YYYY-MM` plus months. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

/** The days (`YYYY-MM-DD`, in `zone`) an event covers: all-day events by their dates, others by their instants. */
export function eventDays(
  event: { allDay: boolean; startDate: string | null; endDate: string | null; startsAt: string; endsAt: string },
  zone: string,
): string[] {
  const first = event.allDay && event.startDate ? event.startDate : dayIn(event.startsAt, zone);
  // An event ending at midnight does not occupy the next day.
  const last = event.allDay && event.endDate ? event.endDate : dayIn(new Date(new Date(event.endsAt).getTime() - 1).toISOString(), zone);
  const days: string[] = [];
  for (let day = first; day <= last && days.length < 62; day = addDays(day, 1)) days.push(day);
  return days.length ? days : [first];
}
