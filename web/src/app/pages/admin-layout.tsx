import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header.tsx';

const tabs = [
  { to: '/admin/users', key: 'users' },
  { to: '/admin/invitations', key: 'invitations' },
  { to: '/admin/mail', key: 'mail' },
  { to: '/admin/reports', key: 'reports' },
  { to: '/admin/company', key: 'company' },
] as const;

export function AdminLayout() {
  const { t } = useTranslation('admin');
  return (
    <div className="stack">
      <PageHeader title={t('title')} />
      <nav aria-label={t('sections')} className="tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <Link to={tab.to} className="tabs__link">
                {t(`tabs.${tab.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
