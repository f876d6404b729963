import { Limits } from '@innenhof/contract';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useLogin } from '../api/login.ts';

const route = getRouteApi('/_public/login');

/** Only same-origin paths, so a crafted link cannot send someone elsewhere after login. */
export function safeRedirect(target: string | undefined): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const search = route.useSearch();
  const router = useRouter();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  useDocumentTitle(t('login.title'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await login.mutateAsync({ email: email.trim(), password });
      router.history.push(safeRedirect(search.redirect));
    } catch {
      // Shown below via login.error.
    }
  }

  const fields = fieldErrors(t, login.error);
  return (
    <>
      <h1 className="auth-card__title">{t('login.title')}</h1>
      {search.reset ? <Alert tone="success">{t('reset.done')}</Alert> : null}
      {login.error && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, login.error)}</Alert> : null}
      <form className="form" onSubmit={submit}>
        <TextField
          label={t('fields.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          maxLength={Limits.emailMax}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <TextField
          label={t('fields.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="auth-card__footer">
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
    </>
  );
}
