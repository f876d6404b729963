/**
 * i18next with the catalogs from `/locales/<lng>/<ns>.json`, each loaded on demand as its own chunk.
 * Language: the user's saved locale (applied after `/me`), else the last explicit choice on this device,
 * else the browser's language (de/en), else the company default.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const supportedLocales = ['de', 'en'] as const;
export type AppLocale = (typeof supportedLocales)[number];
export const namespaces = [
  'common',
  'auth',
  'home',
  'people',
  'settings',
  'admin',
  'groups',
  'chat',
  'dock',
  'feed',
  'notifications',
  'polls',
  'events',
  'escalation',
  'workshops',
] as const;
export type Namespace = (typeof namespaces)[number];

const catalogs = import.meta.glob<{ default: Record<string, unknown> }>('../../../locales/*/*.json');
const STORAGE_KEY = 'innenhof.locale';

const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = catalogs[`../../../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (module) => callback(null, module.default as never),
      (error: unknown) => callback(error as Error, false),
    );
  },
};

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

function storedLocale(): AppLocale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isAppLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function browserLocale(): AppLocale | null {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isAppLocale(base)) return base;
  }
  return null;
}

export function detectLocale(companyDefault: AppLocale | null | undefined): AppLocale {
  return storedLocale() ?? browserLocale() ?? companyDefault ?? 'en';
}

/** Switches the UI language now and remembers it on this device. */
export async function setLocale(locale: AppLocale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the server-side setting still applies after login.
  }
  if (i18next.language === locale) return;
  // Load the catalogs first, so the switch happens in one render instead of suspending the page.
  await i18next.loadLanguages(locale);
  await i18next.changeLanguage(locale);
}

export const i18n = i18next;

export async function initI18n(locale: AppLocale): Promise<void> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await i18next
    .use(backend)
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: false,
      supportedLngs: [...supportedLocales],
      ns: ['common'],
      defaultNS: 'common',
      fallbackNS: 'common',
      load: 'languageOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
    });
  document.documentElement.lang = locale;
}

/** Starts loading a namespace early (route loaders call it, so the catalog and the code load in parallel). */
export function loadNamespaces(...ns: Namespace[]): Promise<void> {
  return i18next.loadNamespaces(ns);
}
