import { type ErrorComponentProps, Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/ui/page-header.tsx';
import { errorMessage } from '../../lib/errors.ts';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  useDocumentTitle(t('notFound.title'));
  return (
    <main className="status-page" id="main">
      <div className="card">
        <h1 className="page-header__title">{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
        <Link to="/" className="button button--primary">
          {t('notFound.home')}
        </Link>
      </div>
    </main>
  );
}

export function RootErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation('common');
  const router = useRouter();
  return (
    <main className="status-page" id="main">
      <div className="card">
        <h1 className="page-header__title">{t('errorPage.title')}</h1>
        <p>{errorMessage(t, error)}</p>
        <button type="button" className="button button--primary" onClick={() => router.invalidate()}>
          {t('errorPage.retry')}
        </button>
      </div>
    </main>
  );
}
