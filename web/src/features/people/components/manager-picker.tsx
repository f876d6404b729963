import type { UserSummary } from '@innenhof/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Combobox } from '../../../components/ui/combobox.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useSearchPeople } from '../api/search-people.ts';

interface ManagerPickerProps {
  value: UserSummary | null;
  onChange: (manager: UserSummary | null) => void;
  /** The person being edited: cannot be their own manager. */
  excludeId: string;
  error?: string | undefined;
}

export function ManagerPicker({ value, onChange, excludeId, error }: ManagerPickerProps) {
  const { t } = useTranslation('people');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 200);
  const results = useSearchPeople(q);
  const options = text.trim() ? (results.data?.items ?? []).filter((p) => p.id !== excludeId) : [];

  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t('fields.manager')}</legend>
      {value ? (
        <div className="person-row person-row--boxed">
          <Avatar user={value} size="sm" alt="" />
          <span className="person-row__text">
            <span className="person-row__name">{value.name}</span>
            {value.jobTitle ? <span className="person-row__sub">{value.jobTitle}</span> : null}
          </span>
          <button type="button" className="button button--small" onClick={() => onChange(null)}>
            {t('edit.removeManager')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('edit.noManager')}</p>
      )}
      <Combobox<UserSummary>
        label={value ? t('edit.changeManager') : t('edit.chooseManager')}
        value={text}
        onValueChange={setText}
        options={options}
        getKey={(p) => p.id}
        loading={results.isFetching}
        loadingText={t('search.loading')}
        emptyText={t('search.empty')}
        placeholder={t('search.placeholder')}
        renderOption={(person) => (
          <span className="person-option">
            <Avatar user={person} size="xs" alt="" />
            <span className="person-option__text">
              <span className="person-option__name">{person.name}</span>
              {person.jobTitle ? <span className="person-option__sub">{person.jobTitle}</span> : null}
            </span>
          </span>
        )}
        onSelect={(person) => {
          onChange(person);
          setText('');
        }}
      />
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}
