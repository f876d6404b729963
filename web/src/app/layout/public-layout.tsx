import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../../lib/i18n.ts';
import { useCompany } from '../../lib/session.ts';
import { CompanyMark } from './company-mark.tsx';

/** Login, setup, invitation and password pages: a centred card under the company's name. */
export function PublicLayout() {
  const { t, i18n } = useTranslation('common');
  const company = useCompany();
  return (
    <div className="auth-page">
      <header className="auth-page__brand">
        <CompanyMark company={company.data} large />
      </header>
      <main id="main" className="auth-card card">
        <Outlet />
      </main>
      <footer className="auth-page__footer">
        <nav aria-label={t('language')}>
          <ul className="lang-switch">
            {(['de', 'en'] as const).map((lng) => (
              <li key={lng}>
                <button type="button" className="link-button" lang={lng} aria-pressed={i18n.language === lng} onClick={() => void setLocale(lng)}>
                  {lng === 'de' ? 'Deutsch' : 'English'}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <p className="muted small">{t('poweredBy')}</p>
      </footer>
    </div>
  );
}
