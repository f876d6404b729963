import type { Event } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';
import { useViewerTimeZone } from '../api/viewer-time-zone.ts';
import { dayIn } from './time.ts';

type Timing = Pick<Event, 'allDay' | 'startDate' | 'endDate' | 'startsAt' | 'endsAt' | 'timeZone'>;

/** Dates and times of events in the reader's language and time zone (`Intl`). */
export function useEventFormat() {
  const { i18n, t } = useTranslation('events');
  const locale = i18n.language === 'de' ? 'de-DE' : 'en-GB';
  const zone = useViewerTimeZone();
  const fmt = (options: Intl.DateTimeFormatOptions, timeZone = zone) => new Intl.DateTimeFormat(locale, { timeZone, ...options });
  // Dates without a time (all-day events, calendar days) are formatted at UTC midnight, so no zone moves them.
  const plainDate = (date: string, options: Intl.DateTimeFormatOptions) => fmt(options, 'UTC').format(new Date(`${date}T00:00:00Z`));
  const time = (iso: string, timeZone = zone) => fmt({ hour: '2-digit', minute: '2-digit' }, timeZone).format(new Date(iso));
  const longDay: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  const shortDay: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

  return {
    zone,
    locale,
    time,
    plainDate,
    /** "Freitag, 27. November 2026, 12:00–13:00" (or the dates of an all-day event). */
    when(event: Timing, style: 'long' | 'short' = 'long'): string {
      const dayStyle = style === 'long' ? longDay : shortDay;
      if (event.allDay && event.startDate) {
        const start = plainDate(event.startDate, dayStyle);
        if (!event.endDate || event.endDate === event.startDate) return `${start} · ${t('allDay')}`;
        return `${start} – ${plainDate(event.endDate, dayStyle)}`;
      }
      const startDay = dayIn(event.startsAt, zone);
      const endDay = dayIn(event.endsAt, zone);
      const day = fmt(dayStyle).format(new Date(event.startsAt));
      if (startDay === endDay) return `${day}, ${time(event.startsAt)}–${time(event.endsAt)}`;
      return `${day}, ${time(event.startsAt)} – ${fmt(dayStyle).format(new Date(event.endsAt))}, ${time(event.endsAt)}`;
    },
    /** "12:00–13:00 (Europe/Berlin)" when the event's zone differs from the reader's, else null. */
    inEventZone(event: Timing): string | null {
      if (event.allDay || event.timeZone === zone) return null;
      const same = time(event.startsAt, event.timeZone) === time(event.startsAt) && dayIn(event.startsAt, event.timeZone) === dayIn(event.startsAt, zone);
      if (same) return null;
      return `${time(event.startsAt, event.timeZone)}–${time(event.endsAt, event.timeZone)} (${event.timeZone})`;
    },
    /** The date tile: "NOV" and "27". */
    tile(event: Timing): { month: string; day: string } {
      const date = event.allDay && event.startDate ? new Date(`${event.startDate}T12:00:00Z`) : new Date(event.startsAt);
      const timeZone = event.allDay ? 'UTC' : zone;
      return { month: fmt({ month: 'short' }, timeZone).format(date).replace('.', ''), day: fmt({ day: 'numeric' }, timeZone).format(date) };
    },
    /** "November 2026". */
    month(month: string): string {
      return plainDate(`${month}-01`, { month: 'long', year: 'numeric' });
    },
    /** Short weekday names, Monday first. */
    weekdays(): string[] {
      // 2024-01-01 was a Monday.
      return Array.from({ length: 7 }, (_, i) => plainDate(`2024-01-0${i + 1}`, { weekday: 'short' }));
    },
    dayHeading(date: string): string {
      return plainDate(date, longDay);
    },
  };
}

export type EventFormat = ReturnType<typeof useEventFormat>;
