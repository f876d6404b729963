import { type HoursSpan, type Weekday, Weekdays } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA zone the browser knows, with `current` among them. */
export function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

// 2024-01-01 was a Monday: the reference days for the weekday names.
const mondayUtc = Date.UTC(2024, 0, 1, 12);

/**
 * Times and days of the directory in the reader's language: weekday names, opening spans ("08:00–17:00"),
 * and the next opening ("Monday 08:00", with the date when it is more than a few days away).
 */
export function useEscalationFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'de' ? 'de-DE' : 'en-GB';
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return {
    weekday(day: Weekday): string {
      return weekdayFormat.format(new Date(mondayUtc + Weekdays.indexOf(day) * 86_400_000));
    },
    spans(spans: HoursSpan[]): string {
      return spans.map((s) => `${s.start}–${s.end}`).join(', ');
    },
    /** "Monday 08:00" in the reader's zone; the date too when it is not within the coming week. */
    opening(iso: string, timeZone?: string): string {
      const date = new Date(iso);
      const soon = date.getTime() - Date.now() < 6 * 86_400_000;
      return new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        ...(soon ? {} : { day: 'numeric', month: 'long' }),
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        ...(timeZone ? { timeZone } : {}),
      }).format(date);
    },
    time(iso: string): string {
      return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
    },
    dateTime(iso: string): string {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    },
    day(date: string): string {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
    },
  };
}
