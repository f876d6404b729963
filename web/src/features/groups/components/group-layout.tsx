import './groups.css';
import type { Group } from '@innenhof/contract';
import { getRouteApi, Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useGroup } from '../api/get-group.ts';
import { GroupActions } from './group-actions.tsx';
import { GuestBanner } from './guest-banner.tsx';
import { VisibilityBadge } from './visibility-badge.tsx';

const route = getRouteApi('/_app/groups/$groupId');

/** Whether the settings tab is offered: editing, or (for archived groups) unarchiving and deleting. */
export function canManage(group: Group): boolean {
  return group.abilities.update || group.abilities.archive || group.abilities.delete;
}

/** The group page's frame: cover, name, badges, the caller's buttons, notices and the tabs. */
export function GroupLayout() {
  const { t } = useTranslation('groups');
  const { groupId } = route.useParams();
  const group = useGroup(groupId);
  useDocumentTitle(group.data?.name);

  if (group.isPending) return <Spinner />;
  if (group.isError) {
    // E.g. after leaving a secret group: it is gone for us, like a group that never existed.
    return (
      <div className="card">
        <h1 className="page-header__title">{isApiError(group.error, 'not_found') ? t('common:notFound.title') : t('common:errorPage.title')}</h1>
        <p>{isApiError(group.error, 'not_found') ? t('common:notFound.text') : errorMessage(t, group.error)}</p>
        <p>
          <Link to="/groups">{t('backToGroups')}</Link>
        </p>
      </div>
    );
  }
  return <GroupFrame group={group.data} groupKey={groupId} />;
}

function GroupFrame({ group, groupKey }: { group: Group; groupKey: string }) {
  const { t } = useTranslation('groups');
  const format = useFormatters();
  const params = { groupId: groupKey };
  const tabs = [
    { to: '/groups/$groupId', label: t('tabs.discussion'), exact: true },
    { to: '/groups/$groupId/members', label: t('tabs.members'), exact: true },
    { to: '/groups/$groupId/about', label: t('tabs.about'), exact: true },
    ...(canManage(group) ? [{ to: '/groups/$groupId/settings', label: t('tabs.settings'), exact: true }] : []),
  ] as const;

  return (
    <div className="group-page">
      <header className="card card--flush group-header">
        <div className="group-header__cover">{group.cover ? <img src={group.cover.large} alt={t('coverAlt', { name: group.name })} /> : null}</div>
        <div className="group-header__main">
          <div className="group-header__text">
            <h1 className="group-header__name">{group.name}</h1>
            <p className="group-header__meta">
              <VisibilityBadge visibility={group.visibility} />
              <span>{t('memberCount', { count: group.memberCount, formatted: format.number(group.memberCount) })}</span>
              {group.archived ? <span className="badge badge--archived">{t('archived.badge')}</span> : null}
              {group.membership.role ? <span className="badge badge--role">{t('youAre', { role: t(`roles.${group.membership.role}`) })}</span> : null}
            </p>
          </div>
          <GroupActions group={group} groupKey={groupKey} />
        </div>
        <nav className="tabs" aria-label={t('tabs.label')}>
          <ul>
            {tabs.map((tab) => (
              <li key={tab.to}>
                <Link to={tab.to} params={params} activeOptions={{ exact: tab.exact }} className="tabs__link">
                  {tab.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {group.hasGuests ? <GuestBanner /> : null}
      {group.archived ? <Alert tone="info">{t('archived.notice', { date: format.date(group.archivedAt) })}</Alert> : null}
      <Outlet />
    </div>
  );
}
