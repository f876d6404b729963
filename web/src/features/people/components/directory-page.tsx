import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useUserFacets } from '../api/get-user-facets.ts';
import { useUsers } from '../api/list-users.ts';
import { PersonCard } from './person-card.tsx';

const route = getRouteApi('/_app/people');

export function DirectoryPage() {
  const { t } = useTranslation('people');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/people' });
  const [text, setText] = useState(search.q ?? '');
  const q = useDebouncedValue(text, 200);
  const facets = useUserFacets();
  const filters = { q: search.q, department: search.department, location: search.location };
  const users = useUsers(filters);

  // The top bar can change `?q=` while this page is open.
  useEffect(() => {
    setText((current) => (current.trim() === (search.q ?? '') ? current : (search.q ?? '')));
  }, [search.q]);

  useEffect(() => {
    const next = q.trim() || undefined;
    if (next !== search.q) void navigate({ search: (s) => ({ ...s, q: next }), replace: true });
  }, [q, search.q, navigate]);

  const items = users.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="stack">
      <PageHeader title={t('directory.title')} />
      <search className="card filters" aria-label={t('directory.filters')}>
        <TextField
          label={t('directory.search')}
          type="search"
          value={text}
          placeholder={t('search.placeholder')}
          onChange={(e) => setText(e.target.value)}
          fieldClassName="filters__search"
        />
        <SelectField
          label={t('directory.department')}
          value={search.department ?? ''}
          onChange={(e) => void navigate({ search: (s) => ({ ...s, department: e.target.value || undefined }), replace: true })}
        >
          <option value="">{t('directory.allDepartments')}</option>
          {facets.data?.departments.map((d) => (
            <option key={d.name} value={d.name}>
              {d.name} ({d.count})
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('directory.location')}
          value={search.location ?? ''}
          onChange={(e) => void navigate({ search: (s) => ({ ...s, location: e.target.value || undefined }), replace: true })}
        >
          <option value="">{t('directory.allLocations')}</option>
          {facets.data?.locations.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name} ({l.count})
            </option>
          ))}
        </SelectField>
      </search>

      <section aria-labelledby="results-heading" aria-busy={users.isFetching}>
        <h2 id="results-heading" className="visually-hidden">
          {t('directory.results')}
        </h2>
        {users.isPending ? <Spinner /> : null}
        {users.isError ? <Alert tone="error">{errorMessage(t, users.error)}</Alert> : null}
        {users.isSuccess && items.length === 0 ? (
          <div className="card empty">
            <p>{t('directory.empty')}</p>
          </div>
        ) : null}
        <p className="visually-hidden" role="status">
          {users.isSuccess ? t('directory.count', { count: items.length }) : ''}
        </p>
        <ul className="person-grid">
          {items.map((person) => (
            <li key={person.id}>
              <PersonCard person={person} />
            </li>
          ))}
        </ul>
        {users.hasNextPage ? (
          <div className="center">
            <button type="button" className="button" onClick={() => users.fetchNextPage()} disabled={users.isFetchingNextPage}>
              {users.isFetchingNextPage ? t('common:loading') : t('directory.loadMore')}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
