import { type CompanySettings, Limits, type Locale } from '@innenhof/contract';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useCompany } from '../../../lib/session.ts';
import { applyAccent } from '../../../lib/theme.ts';
import { useDeleteCompanyLogo } from '../api/delete-company-logo.ts';
import { useUpdateCompany } from '../api/update-company.ts';
import { useUploadCompanyLogo } from '../api/upload-company-logo.ts';

export function CompanySettingsTab() {
  const company = useCompany();
  if (!company.data) return <Spinner />;
  return (
    <div className="stack">
      <CompanyForm company={company.data} />
      <LogoCard company={company.data} />
    </div>
  );
}

function CompanyForm({ company }: { company: CompanySettings }) {
  const { t } = useTranslation('admin');
  const update = useUpdateCompany();
  const colorId = useId();
  const guestsHintId = useId();
  const [name, setName] = useState(company.companyName);
  const [accent, setAccent] = useState(company.accentColor);
  const [locale, setLocale] = useState<Locale>(company.defaultLocale);
  const [guestsAllowed, setGuestsAllowed] = useState(company.guestsAllowed);
  const [groupCreation, setGroupCreation] = useState(company.groupCreation);
  const [attachmentMb, setAttachmentMb] = useState(String(company.chatAttachmentMaxMb ?? Limits.chatAttachmentMbDefault));

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await update.mutateAsync({
        companyName: name.trim(),
        accentColor: accent.toLowerCase(),
        defaultLocale: locale,
        guestsAllowed,
        groupCreation,
        chatAttachmentMaxMb: Number(attachmentMb),
      });
    } catch {
      applyAccent(company.accentColor);
    }
  }

  const fields = fieldErrors(t, update.error);
  const validHex = /^#[0-9a-fA-F]{6}$/.test(accent);
  const mb = Number(attachmentMb);
  const validMb = Number.isInteger(mb) && mb >= 1 && mb <= Limits.chatAttachmentMbMax;
  return (
    <section className="card" aria-labelledby="company-heading">
      <h2 id="company-heading" className="card__title">
        {t('company.title')}
      </h2>
      {update.isSuccess ? <Alert tone="success">{t('company.saved')}</Alert> : null}
      {update.error && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, update.error)}</Alert> : null}
      <form className="form form--narrow" onSubmit={submit}>
        <TextField
          label={t('company.name')}
          required
          maxLength={Limits.companyNameMax}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.companyName}
        />
        <div className={`field${fields.accentColor ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={colorId}>
            {t('company.accent')}
          </label>
          <div className="input-row">
            <input
              id={colorId}
              type="color"
              className="color-input"
              value={validHex ? accent : '#1b64d8'}
              onChange={(e) => {
                setAccent(e.target.value);
                applyAccent(e.target.value);
              }}
            />
            <input
              className="input input--mono"
              aria-label={t('company.accentHex')}
              value={accent}
              maxLength={7}
              pattern="#[0-9a-fA-F]{6}"
              onChange={(e) => {
                setAccent(e.target.value);
                if (/^#[0-9a-fA-F]{6}$/.test(e.target.value)) applyAccent(e.target.value);
              }}
            />
          </div>
          <p className="field__hint">{t('company.accentHint')}</p>
          {fields.accentColor ? <p className="field__error">{fields.accentColor}</p> : null}
        </div>
        <SelectField label={t('company.defaultLocale')} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} error={fields.defaultLocale}>
          <option value="de" lang="de">
            Deutsch
          </option>
          <option value="en" lang="en">
            English
          </option>
        </SelectField>
        <h3 className="card__subtitle">{t('company.groupsSection')}</h3>
        <fieldset className="fieldset">
          <legend className="field__label">{t('company.groupCreation')}</legend>
          <div className="segmented">
            {(['everyone', 'admins'] as const).map((value) => (
              <label key={value} className="segmented__option">
                <input type="radio" name="groupCreation" value={value} checked={groupCreation === value} onChange={() => setGroupCreation(value)} />
                <span>{t(`company.groupCreationOptions.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="guestsAllowed"
              checked={guestsAllowed}
              onChange={(e) => setGuestsAllowed(e.target.checked)}
              aria-describedby={guestsHintId}
            />
            <span>{t('company.guestsAllowed')}</span>
          </label>
          <p className="field__hint" id={guestsHintId}>
            {t('company.guestsAllowedHint')}
          </p>
        </div>
        <h3 className="card__subtitle">{t('company.chatSection')}</h3>
        <TextField
          label={t('company.chatAttachmentMaxMb')}
          hint={t('company.chatAttachmentMaxMbHint')}
          type="number"
          name="chatAttachmentMaxMb"
          inputMode="numeric"
          required
          min={1}
          max={Limits.chatAttachmentMbMax}
          step={1}
          value={attachmentMb}
          onChange={(e) => setAttachmentMb(e.target.value)}
          error={fields.chatAttachmentMaxMb}
        />
        <div>
          <button type="submit" className="button button--primary" disabled={update.isPending || !validHex || !validMb}>
            {t('common:save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function LogoCard({ company }: { company: CompanySettings }) {
  const { t } = useTranslation('admin');
  const inputId = useId();
  const upload = useUploadCompanyLogo();
  const remove = useDeleteCompanyLogo();
  const error = upload.error ?? remove.error;
  return (
    <section className="card" aria-labelledby="logo-heading">
      <h2 id="logo-heading" className="card__title">
        {t('company.logo')}
      </h2>
      <div className="logo-preview">
        {company.logoUrl ? <img src={company.logoUrl} alt={t('company.currentLogo')} /> : <p className="muted">{t('company.noLogo')}</p>}
      </div>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <div className="image-control__actions">
        <input
          id={inputId}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          className="file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) upload.mutate(file);
          }}
        />
        <label htmlFor={inputId} className="button button--small">
          {upload.isPending ? t('company.uploading') : t('company.uploadLogo')}
        </label>
        {company.logoUrl ? (
          <button type="button" className="button button--small" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {t('company.removeLogo')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
