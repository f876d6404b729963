import { EscalationLimits, type Holiday } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PeoplePicker } from '../../../components/people-picker.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { IconClose } from '../../../components/ui/icons.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useDirectoryEditors, useHolidays, useSetDirectoryEditors, useSetHolidays } from '../api/directory-settings.ts';
import { useEscalationFormat } from '../lib/format.ts';
import '../escalation.css';

/** `/escalation/settings` (admins): company holidays and the people who may edit the directory. */
export function DirectorySettingsPage() {
  const { t } = useTranslation('escalation');
  return (
    <div className="stack esc-page">
      <p>
        <Link to="/escalation">← {t('back')}</Link>
      </p>
      <PageHeader title={t('settings.title')} />
      <HolidaysCard />
      <EditorsCard />
    </div>
  );
}

function HolidaysCard() {
  const { t } = useTranslation('escalation');
  const format = useEscalationFormat();
  const holidays = useHolidays();
  const save = useSetHolidays();
  const headingId = useId();
  const dateId = useId();
  const nameId = useId();
  const [items, setItems] = useState<Holiday[] | null>(null);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (holidays.data && items === null) setItems(holidays.data.items);
  }, [holidays.data, items]);
  const list = [...(items ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const change = (next: Holiday[]) => {
    setItems(next);
    setSaved(false);
  };
  return (
    <section className="card esc-settings-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('settings.holidays')}
      </h2>
      <p className="muted">{t('settings.holidaysHint')}</p>
      {holidays.isPending ? <Spinner /> : null}
      {holidays.isError ? <Alert tone="error">{errorMessage(t, holidays.error)}</Alert> : null}
      {list.length ? (
        <ul className="esc-holidays">
          {list.map((holiday) => (
            <li key={holiday.date}>
              <span>
                <strong>{format.day(holiday.date)}</strong> · {holiday.name}
              </span>
              <button type="button" className="icon-button" onClick={() => change(list.filter((h) => h.date !== holiday.date))}>
                <IconClose width={16} height={16} />
                <span className="visually-hidden">{t('settings.removeHoliday', { name: holiday.name })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : items ? (
        <p className="muted">{t('settings.noHolidays')}</p>
      ) : null}
      <form
        className="form form--inline esc-holidays__add"
        onSubmit={(event) => {
          event.preventDefault();
          if (!date || !name.trim()) return;
          change([...list.filter((h) => h.date !== date), { date, name: name.trim() }]);
          setDate('');
          setName('');
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={dateId}>
            {t('settings.holidayDate')}
          </label>
          <input id={dateId} className="input" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field form__grow">
          <label className="field__label" htmlFor={nameId}>
            {t('settings.holidayName')}
          </label>
          <input id={nameId} className="input" required maxLength={EscalationLimits.holidayNameMax} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('settings.addHoliday')}
        </button>
      </form>
      {save.isError ? <Alert tone="error">{errorMessage(t, save.error)}</Alert> : null}
      {saved ? <Alert tone="success">{t('settings.saved')}</Alert> : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={save.isPending || items === null}
          onClick={() => save.mutate(list, { onSuccess: () => setSaved(true) })}
        >
          {save.isPending ? t('common:saving') : t('settings.saveHolidays')}
        </button>
      </div>
    </section>
  );
}

function EditorsCard() {
  const { t } = useTranslation('escalation');
  const editors = useDirectoryEditors(true);
  const save = useSetDirectoryEditors();
  const headingId = useId();
  return (
    <section className="card esc-settings-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('settings.editors')}
      </h2>
      <p className="muted">{t('settings.editorsHint')}</p>
      {editors.isPending ? <Spinner /> : null}
      {editors.isError ? <Alert tone="error">{errorMessage(t, editors.error)}</Alert> : null}
      {editors.data ? (
        <PeoplePicker
          label={t('settings.addEditor')}
          value={editors.data.items}
          max={EscalationLimits.editorsMax}
          onChange={(people) => save.mutate(people.map((p) => p.id))}
        />
      ) : null}
      {save.isError ? <Alert tone="error">{errorMessage(t, save.error)}</Alert> : null}
    </section>
  );
}
