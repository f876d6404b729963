import type { UserSummary } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Combobox } from '../../../components/ui/combobox.tsx';
import { GuestBadge } from '../../../components/ui/guest-badge.tsx';
import { IconSearch } from '../../../components/ui/icons.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useSearchPeople } from '../api/search-people.ts';

/** The top bar's search: people as you type; Enter shows all results in the directory. */
export function PeopleSearchBox() {
  const { t } = useTranslation('people');
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const q = useDebouncedValue(value, 200);
  const results = useSearchPeople(q);
  const options = value.trim() ? (results.data?.items ?? []) : [];

  return (
    <search className="top-search">
      <Combobox<UserSummary>
        label={t('search.label')}
        hideLabel
        placeholder={t('search.placeholder')}
        value={value}
        onValueChange={setValue}
        options={options}
        getKey={(p) => p.id}
        icon={<IconSearch width={18} height={18} />}
        loading={results.isFetching}
        loadingText={t('search.loading')}
        emptyText={t('search.empty')}
        renderOption={(person) => (
          <span className="person-option">
            <Avatar user={person} size="xs" alt="" />
            <span className="person-option__text">
              <span className="person-option__name">
                {person.name} <GuestBadge user={person} />
              </span>
              {person.jobTitle ? <span className="person-option__sub">{person.jobTitle}</span> : null}
            </span>
          </span>
        )}
        onSelect={(person) => {
          setValue('');
          void navigate({ to: '/people/$id', params: { id: person.id } });
        }}
        onSubmit={(text) => {
          void navigate({ to: '/people', search: { q: text.trim() || undefined } });
        }}
      />
    </search>
  );
}
