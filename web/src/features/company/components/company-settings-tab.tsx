import { type CompanySettings, Limits, type Locale } from '@innenhof/contract';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { PeoplePicker } from '../../../components/people-picker.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { ApiError, type FieldProblem } from '../../../lib/api-client.ts';
import { errorMessage, fieldErrors, translateFieldProblem } from '../../../lib/errors.ts';
import { useCompany } from '../../../lib/session.ts';
import { applyAccent } from '../../../lib/theme.ts';
import { useAnnouncers, useSetAnnouncers } from '../api/announcers.ts';
import { useDeleteCompanyLogo } from '../api/delete-company-logo.ts';
import { useUpdateCompany } from '../api/update-company.ts';
import { useUploadCompanyLogo } from '../api/upload-company-logo.ts';
import './company.css';

export function CompanySettingsTab() {
  const company = useCompany();
  if (!company.data) return <Spinner />;
  return (
    <div className="stack">
      <CompanyForm company={company.data} />
      <AnnouncersCard />
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
  const [postAttachmentMb, setPostAttachmentMb] = useState(String(company.postAttachmentMaxMb ?? Limits.chatAttachmentMbDefault));
  const [linkPreviews, setLinkPreviews] = useState(company.linkPreviews);
  const [mailPrivacy, setMailPrivacy] = useState(company.mailPrivacy);
  const privacyHintId = useId();
  const [hosts, setHosts] = useState<string[]>(company.linkPreviewAllowHosts ?? []);
  const previewsHintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Empty rows are dropped before sending, so the server's per-entry errors point at the rows shown.
    const cleanHosts = hosts.map((h) => h.trim()).filter(Boolean);
    setHosts(cleanHosts);
    try {
      await update.mutateAsync({
        companyName: name.trim(),
        accentColor: accent.toLowerCase(),
        defaultLocale: locale,
        guestsAllowed,
        groupCreation,
        chatAttachmentMaxMb: Number(attachmentMb),
        postAttachmentMaxMb: Number(postAttachmentMb),
        linkPreviews,
        linkPreviewAllowHosts: cleanHosts,
        mailPrivacy,
      });
    } catch {
      applyAccent(company.accentColor);
    }
  }

  const fields = fieldErrors(t, update.error);
  const validHex = /^#[0-9a-fA-F]{6}$/.test(accent);
  const isValidMb = (value: string) => {
    const mb = Number(value);
    return Number.isInteger(mb) && mb >= 1 && mb <= Limits.chatAttachmentMbMax;
  };
  const validMb = isValidMb(attachmentMb) && isValidMb(postAttachmentMb);
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
        <h3 className="card__subtitle">{t('company.attachmentsSection')}</h3>
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
        <TextField
          label={t('company.postAttachmentMaxMb')}
          hint={t('company.postAttachmentMaxMbHint')}
          type="number"
          name="postAttachmentMaxMb"
          inputMode="numeric"
          required
          min={1}
          max={Limits.chatAttachmentMbMax}
          step={1}
          value={postAttachmentMb}
          onChange={(e) => setPostAttachmentMb(e.target.value)}
          error={fields.postAttachmentMaxMb}
        />
        <h3 className="card__subtitle">{t('company.linkPreviewsSection')}</h3>
        <div className="field">
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={linkPreviews}
              name="linkPreviews"
              checked={linkPreviews}
              onChange={(e) => setLinkPreviews(e.target.checked)}
              aria-describedby={previewsHintId}
            />
            <span>{t('company.linkPreviews')}</span>
          </label>
          <p className="field__hint" id={previewsHintId}>
            {t('company.linkPreviewsHint')}
          </p>
        </div>
        <AllowHostsField hosts={hosts} onChange={setHosts} error={update.error} />
        <h3 className="card__subtitle">{t('company.mailPrivacySection')}</h3>
        <div className="field">
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={mailPrivacy}
              name="mailPrivacy"
              checked={mailPrivacy}
              onChange={(e) => setMailPrivacy(e.target.checked)}
              aria-describedby={privacyHintId}
            />
            <span>{t('company.mailPrivacy')}</span>
          </label>
          <p className="field__hint" id={privacyHintId}>
            {t('company.mailPrivacyHint')}
          </p>
        </div>
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

/** Per-entry problems of `linkPreviewAllowHosts` (`linkPreviewAllowHosts.2`), and one for the whole list. */
function hostProblems(error: unknown): { list: FieldProblem | null; entries: Map<number, FieldProblem> } {
  const entries = new Map<number, FieldProblem>();
  let list: FieldProblem | null = null;
  if (!(error instanceof ApiError)) return { list, entries };
  const details = error.details as { fields?: FieldProblem[] } | undefined;
  for (const problem of details?.fields ?? []) {
    const path = String(problem?.field ?? '')
      .replace(/^\/?(body\/|body\.)?/, '')
      .split(/[/.]/);
    if (path[0] !== 'linkPreviewAllowHosts') continue;
    const index = Number(path[1]);
    if (path[1] !== undefined && Number.isInteger(index)) {
      if (!entries.has(index)) entries.set(index, problem);
    } else {
      list ??= problem;
    }
  }
  return { list, entries };
}

/** The intranet hosts whose pages (and pictures) may be fetched for link previews. */
function AllowHostsField({ hosts, onChange, error }: { hosts: string[]; onChange: (hosts: string[]) => void; error: unknown }) {
  const { t } = useTranslation('admin');
  const legendId = useId();
  const hintId = useId();
  const baseId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const problems = hostProblems(error);
  const message = (problem: FieldProblem) =>
    // The server's own host check names no schema keyword: say what a valid entry looks like.
    problem.keyword ? translateFieldProblem(t, problem) : t('company.allowHostInvalid');
  const focusRow = (index: number) => requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLInputElement>('input')[index]?.focus());

  return (
    <fieldset className="fieldset" aria-describedby={hintId}>
      <legend className="field__label" id={legendId}>
        {t('company.allowHosts')}
      </legend>
      <p className="field__hint" id={hintId}>
        {t('company.allowHostsHint')}
      </p>
      {hosts.length ? (
        <ul className="host-list" ref={listRef} aria-labelledby={legendId}>
          {hosts.map((host, index) => {
            const problem = problems.entries.get(index);
            const inputId = `${baseId}-${index}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is their identity.
              <li key={index} className={`field${problem ? ' field--invalid' : ''}`}>
                <div className="input-row">
                  <input
                    id={inputId}
                    className="input input--mono"
                    name="linkPreviewAllowHosts"
                    aria-label={t('company.allowHostLabel', { number: index + 1 })}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${inputId}-error` : undefined}
                    placeholder="wiki.intern.example"
                    autoComplete="off"
                    autoCapitalize="none"
                    spellCheck={false}
                    maxLength={253}
                    value={host}
                    onChange={(e) => onChange(hosts.map((h, i) => (i === index ? e.target.value : h)))}
                  />
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      onChange(hosts.filter((_, i) => i !== index));
                      focusRow(Math.max(0, index - 1));
                    }}
                  >
                    {t('company.removeHost')}
                    <span className="visually-hidden">: {host || t('company.allowHostLabel', { number: index + 1 })}</span>
                  </button>
                </div>
                {problem ? (
                  <p className="field__error" id={`${inputId}-error`}>
                    {message(problem)}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('company.noAllowHosts')}</p>
      )}
      {problems.list ? <p className="field__error">{message(problems.list)}</p> : null}
      <div>
        <button
          type="button"
          className="button button--small"
          disabled={hosts.length >= Limits.linkPreviewAllowHostsMax}
          onClick={() => {
            onChange([...hosts, '']);
            focusRow(hosts.length);
          }}
        >
          {t('company.addHost')}
        </button>
      </div>
    </fieldset>
  );
}

/** The communications team: colleagues who may post company-wide announcements besides the admins. Saved on each change. */
function AnnouncersCard() {
  const { t } = useTranslation('admin');
  const announcers = useAnnouncers();
  const save = useSetAnnouncers();
  return (
    <section className="card" aria-labelledby="announcers-heading">
      <h2 id="announcers-heading" className="card__title">
        {t('announcers.title')}
      </h2>
      <p className="muted">{t('announcers.lead')}</p>
      {announcers.isPending ? <Spinner /> : null}
      {announcers.isError ? <Alert tone="error">{errorMessage(t, announcers.error)}</Alert> : null}
      <div aria-live="polite">
        {save.isSuccess ? <Alert tone="success">{t('announcers.saved')}</Alert> : null}
        {save.isError ? <Alert tone="error">{errorMessage(t, save.error)}</Alert> : null}
      </div>
      {announcers.data ? (
        <div className="form form--narrow">
          <PeoplePicker label={t('announcers.add')} value={announcers.data.items} max={100} onChange={(people) => save.mutate(people.map((p) => p.id))} />
          {announcers.data.items.length === 0 ? <p className="muted">{t('announcers.empty')}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
