import { useTranslation } from 'react-i18next';

/** `YYYY-MM-DD` + `HH:MM` in the viewer's time zone → an ISO instant in UTC (null when incomplete or invalid). */
export function localToIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const value = new Date(`${date}T${time}`);
  return Number.isNaN(value.getTime()) ? null : value.toISOString();
}

/** A `datetime-local` value (`YYYY-MM-DDTHH:MM`, the viewer's time zone) → ISO UTC. */
export function dateTimeLocalToIso(value: string): string | null {
  const [date = '', time = ''] = value.split('T');
  return localToIso(date, time.slice(0, 5));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as a `datetime-local` value in the viewer's time zone. */
export function toDateTimeLocal(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A Date as a `date` input value in the viewer's time zone. */
export function toDateInput(date: Date): string {
  return toDateTimeLocal(date).slice(0, 10);
}

/** Slot and deadline texts in the reader's language and time zone. */
export function usePollFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'de' ? 'de-DE' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return {
    /** "Fri 4 Dec 12:00–13:00" ("Fr., 4. Dez. 12:00–13:00"). */
    slot(startsAt: string | null, endsAt: string | null): string {
      if (!startsAt) return '';
      const start = new Date(startsAt);
      const head = `${day.format(start)} ${time.format(start)}`;
      if (!endsAt) return head;
      const end = new Date(endsAt);
      const sameDay = day.format(start) === day.format(end);
      return sameDay ? `${head}–${time.format(end)}` : `${head} – ${day.format(end)} ${time.format(end)}`;
    },
    percent(value: number): string {
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
    },
  };
}
