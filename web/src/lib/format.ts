import { useTranslation } from 'react-i18next';

/** Date formatting in the reader's language via `Intl`. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'de' ? 'de-DE' : 'en-GB';
  return {
    dateTime(iso: string | null | undefined): string {
      if (!iso) return '';
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    },
    date(iso: string | null | undefined): string {
      if (!iso) return '';
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
    },
    relative(iso: string | null | undefined): string {
      if (!iso) return '';
      const diffSeconds = (new Date(iso).getTime() - Date.now()) / 1000;
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const abs = Math.abs(diffSeconds);
      if (abs < 60) return rtf.format(Math.round(diffSeconds), 'second');
      if (abs < 3600) return rtf.format(Math.round(diffSeconds / 60), 'minute');
      if (abs < 86400) return rtf.format(Math.round(diffSeconds / 3600), 'hour');
      if (abs < 86400 * 30) return rtf.format(Math.round(diffSeconds / 86400), 'day');
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
    },
    number(value: number): string {
      return new Intl.NumberFormat(locale).format(value);
    },
  };
}

/** The IANA time zone the browser runs in (`UTC` when it does not say). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
