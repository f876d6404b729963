import './groups.css';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { IconPlus } from '../../../components/ui/icons.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import type { GroupFilter } from '../api/keys.ts';
import { useGroups } from '../api/list-groups.ts';
import { GroupCard } from './group-card.tsx';

const route = getRouteApi('/_app/groups');
const filters: GroupFilter[] = ['mine', 'suggested', 'all'];

export function GroupsDirectoryPage() {
  const { t } = useTranslation('groups');
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/groups' });
  const isGuest = me.user.role === 'guest';
  const filter: GroupFilter = isGuest ? 'mine' : (search.filter ?? 'mine');
  const [text, setText] = useState(search.q ?? '');
  const q = useDebouncedValue(text, 200);
  const groups = useGroups(filter, search.q ?? '');
  const canCreate = me.abilities.createGroups;

  useEffect(() => {
    const next = q.trim() || undefined;
    if (next !== search.q) void navigate({ search: (s) => ({ ...s, q: next }), replace: true });
  }, [q, search.q, navigate]);

  const items = groups.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="stack">
      <PageHeader
        title={t('directory.title')}
        actions={
          canCreate ? (
            <Link to="/groups/new" className="button button--primary">
              <IconPlus width={18} height={18} /> {t('directory.create')}
            </Link>
          ) : null
        }
      />
      <div className="card">
        {isGuest ? null : (
          <nav className="tabs filter-tabs" aria-label={t('directory.filters')}>
            <ul>
              {filters.map((f) => (
                <li key={f}>
                  <Link
                    to="/groups"
                    search={(s) => ({ ...s, filter: f === 'mine' ? undefined : f })}
                    className="tabs__link"
                    activeOptions={{ exact: true, includeSearch: true }}
                  >
                    {t(`directory.tabs.${f}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <search>
          <TextField
            label={t('directory.search')}
            type="search"
            value={text}
            placeholder={t('directory.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </search>
      </div>

      <section aria-labelledby="groups-results-heading" aria-busy={groups.isFetching}>
        <h2 id="groups-results-heading" className="visually-hidden">
          {t(`directory.tabs.${filter}`)}
        </h2>
        {groups.isPending ? <Spinner /> : null}
        {groups.isError ? <Alert tone="error">{errorMessage(t, groups.error)}</Alert> : null}
        {groups.isSuccess && items.length === 0 ? (
          <div className="card empty">
            <p>{search.q ? t('directory.noMatch') : t(`directory.empty.${filter}`)}</p>
            {!search.q && filter === 'mine' && !isGuest ? (
              <p>
                <Link to="/groups" search={{ filter: 'suggested' }}>
                  {t('directory.discover')}
                </Link>
              </p>
            ) : null}
          </div>
        ) : null}
        <p className="visually-hidden" role="status">
          {groups.isSuccess ? t('directory.count', { count: items.length }) : ''}
        </p>
        <ul className="group-grid">
          {items.map((group) => (
            <li key={group.id}>
              <GroupCard group={group} showJoin={!isGuest} />
            </li>
          ))}
        </ul>
        {groups.hasNextPage ? (
          <div className="center">
            <button type="button" className="button" onClick={() => groups.fetchNextPage()} disabled={groups.isFetchingNextPage}>
              {groups.isFetchingNextPage ? t('common:loading') : t('directory.loadMore')}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
