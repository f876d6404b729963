import type { Theme } from '@innenhof/contract';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { setLocale } from '../../../lib/i18n.ts';
import { useMe } from '../../../lib/session.ts';
import { applyTheme } from '../../../lib/theme.ts';
import { useUpdatePreferences } from '../api/update-preferences.ts';
import { ChangePasswordCard } from './change-password-card.tsx';
import { NotificationsCard } from './notifications-card.tsx';
import { SessionsCard } from './sessions-card.tsx';

const themes: Theme[] = ['system', 'light', 'dark'];

/** `sections`: cards other features add (composed by the app layer), shown after language and appearance. */
export function SettingsPage({ sections }: { sections?: ReactNode } = {}) {
  const { t, i18n } = useTranslation('settings');
  const me = useMe();
  const update = useUpdatePreferences(me.user.id);
  const [chosen, setChosen] = useState<'de' | 'en' | null>(null);
  const language = chosen ?? (i18n.language === 'de' ? 'de' : 'en');

  return (
    <div className="stack">
      <PageHeader title={t('title')} />

      <section className="card" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading" className="card__title">
          {t('appearance.title')}
        </h2>
        <fieldset className="fieldset">
          <legend className="field__label">{t('language.label')}</legend>
          <div className="segmented">
            {(['de', 'en'] as const).map((lng) => (
              <label key={lng} className="segmented__option">
                <input
                  type="radio"
                  name="language"
                  value={lng}
                  checked={language === lng}
                  onChange={() => {
                    setChosen(lng);
                    void setLocale(lng).finally(() => setChosen(null));
                    update.mutate({ locale: lng });
                  }}
                />
                <span lang={lng}>{lng === 'de' ? 'Deutsch' : 'English'}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field__label">{t('theme.label')}</legend>
          <div className="segmented">
            {themes.map((theme) => (
              <label key={theme} className="segmented__option">
                <input
                  type="radio"
                  name="theme"
                  value={theme}
                  checked={me.theme === theme}
                  onChange={() => {
                    applyTheme(theme);
                    update.mutate({ theme });
                  }}
                />
                <span>{t(`theme.${theme}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <p className="visually-hidden" role="status">
          {update.isSuccess ? t('saved') : ''}
        </p>
      </section>

      {sections}
      <NotificationsCard />
      <ChangePasswordCard />
      <SessionsCard />
    </div>
  );
}
