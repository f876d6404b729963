import { Limits } from '@innenhof/contract';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useResetPassword } from '../api/reset-password.ts';

const route = getRouteApi('/_public/reset-password/$token');

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const { token } = route.useParams();
  const navigate = useNavigate();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  useDocumentTitle(t('reset.title'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    try {
      await reset.mutateAsync({ token, password });
      await navigate({ to: '/login', search: { reset: true } });
    } catch {
      // Shown below.
    }
  }

  const fields = fieldErrors(t, reset.error);
  const tokenBad = isApiError(reset.error, 'token_invalid') || Boolean(fields.token);
  return (
    <>
      <h1 className="auth-card__title">{t('reset.title')}</h1>
      {tokenBad ? (
        <Alert tone="error">
          {t('reset.invalid')} <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </Alert>
      ) : reset.error && !fields.password ? (
        <Alert tone="error">{errorMessage(t, reset.error)}</Alert>
      ) : null}
      <form className="form" onSubmit={submit}>
        <TextField
          label={t('fields.newPassword')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={Limits.passwordMin}
          maxLength={Limits.passwordMax}
          hint={t('fields.passwordHint', { count: Limits.passwordMin })}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <TextField
          label={t('fields.confirmPassword')}
          type="password"
          name="confirm"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={mismatch ? t('fields.passwordMismatch') : undefined}
        />
        <button type="submit" className="button button--primary button--block" disabled={reset.isPending}>
          {t('reset.submit')}
        </button>
      </form>
      <p className="auth-card__footer">
        <Link to="/login">{t('backToLogin')}</Link>
      </p>
    </>
  );
}
