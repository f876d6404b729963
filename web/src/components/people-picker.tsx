import type { UserSummary } from '@innenhof/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from './ui/avatar.tsx';
import { Combobox } from './ui/combobox.tsx';
import { GuestBadge } from './ui/guest-badge.tsx';
import { IconClose } from './ui/icons.tsx';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { useSearchColleagues } from '../lib/search-colleagues.ts';

/** Pick several colleagues: type to search, Enter or click adds a chip, each chip can be removed again. */
export function PeoplePicker({
  label,
  value,
  onChange,
  max,
  excludeId,
}: {
  label: string;
  value: UserSummary[];
  onChange: (people: UserSummary[]) => void;
  max: number;
  /** Someone who may not be picked (e.g. yourself). */
  excludeId?: string;
}) {
  const { t } = useTranslation('common');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 200);
  const results = useSearchColleagues(q);
  const picked = new Set([...value.map((p) => p.id), ...(excludeId ? [excludeId] : [])]);
  const options = text.trim() ? (results.data?.items ?? []).filter((p) => !picked.has(p.id)) : [];

  return (
    <div>
      <Combobox<UserSummary>
        label={label}
        value={text}
        onValueChange={setText}
        options={options}
        getKey={(p) => p.id}
        loading={results.isFetching}
        loadingText={t('picker.loading')}
        emptyText={t('picker.empty')}
        placeholder={t('picker.placeholder')}
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
          if (value.length < max) onChange([...value, person]);
          setText('');
        }}
      />
      {value.length ? (
        <ul className="picked" aria-label={t('picker.chosen', { count: value.length })}>
          {value.map((person) => (
            <li key={person.id} className="chip">
              <Avatar user={person} size="xs" alt="" />
              {person.name}
              <button type="button" className="chip__remove" onClick={() => onChange(value.filter((p) => p.id !== person.id))}>
                <IconClose width={16} height={16} />
                <span className="visually-hidden">{t('picker.remove', { name: person.name })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
