import type { WorkshopSession } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';

/** Formatting for the workshop pages: simulated times in the scenario's zone, durations, scores. */
export function useWorkshopFormat() {
  const { t, i18n } = useTranslation('workshops');
  const locale = i18n.language === 'de' ? 'de-DE' : 'en-GB';
  return {
    /** "Sat 22:05" in the scenario's time zone (the simulated clock). */
    simulated(iso: string | null | undefined, timeZone: string): string {
      if (!iso) return '–';
      try {
        return new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
      } catch {
        return new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
      }
    },
    /** The real time of a transcript entry, to the second. */
    time(iso: string | null | undefined): string {
      if (!iso) return '–';
      return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
    },
    dateTime(iso: string | null | undefined): string {
      if (!iso) return '–';
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    },
    /** 75 → "1 min 15 s". */
    duration(seconds: number | null | undefined): string {
      if (seconds === null || seconds === undefined) return '–';
      const s = Math.round(seconds);
      if (s < 60) return t('duration.seconds', { s });
      const m = Math.floor(s / 60);
      if (m < 60) return t('duration.minutes', { m, s: s % 60 });
      return t('duration.hours', { h: Math.floor(m / 60), m: m % 60 });
    },
    score(value: number | null | undefined): string {
      if (value === null || value === undefined) return '–';
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
    },
  };
}

export type SessionRole = WorkshopSession['scenario']['roles'][number];

export function roleName(session: Pick<WorkshopSession, 'scenario'>, key: string | null | undefined): string {
  if (!key) return '';
  return session.scenario.roles.find((r) => r.key === key)?.name ?? key;
}
