import { Limits } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { i18n, isAppLocale } from '../../../lib/i18n.ts';
import { useSetup } from '../api/setup.ts';

export function SetupPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const setup = useSetup();
  const [form, setForm] = useState({ companyName: '', name: '', email: '', password: '' });
  useDocumentTitle(t('setup.title'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const language = isAppLocale(i18n.language) ? i18n.language : undefined;
      await setup.mutateAsync({
        companyName: form.companyName.trim(),
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        ...(language ? { locale: language } : {}),
      });
      await navigate({ to: '/' });
    } catch {
      // Shown below.
    }
  }

  const fields = fieldErrors(t, setup.error);
  const update = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <>
      <h1 className="auth-card__title">{t('setup.title')}</h1>
      <p className="auth-card__lead">{t('setup.lead')}</p>
      {setup.error && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, setup.error)}</Alert> : null}
      <form className="form" onSubmit={submit}>
        <TextField
          label={t('fields.companyName')}
          name="companyName"
          autoComplete="organization"
          required
          maxLength={Limits.companyNameMax}
          value={form.companyName}
          onChange={update('companyName')}
          error={fields.companyName}
        />
        <TextField
          label={t('fields.yourName')}
          name="name"
          autoComplete="name"
          required
          maxLength={Limits.nameMax}
          value={form.name}
          onChange={update('name')}
          error={fields.name}
        />
        <TextField
          label={t('fields.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          maxLength={Limits.emailMax}
          value={form.email}
          onChange={update('email')}
          error={fields.email}
        />
        <TextField
          label={t('fields.password')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={Limits.passwordMin}
          maxLength={Limits.passwordMax}
          hint={t('fields.passwordHint', { count: Limits.passwordMin })}
          value={form.password}
          onChange={update('password')}
          error={fields.password}
        />
        <button type="submit" className="button button--primary button--block" disabled={setup.isPending}>
          {setup.isPending ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </>
  );
}
