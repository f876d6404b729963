import { Limits } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useForgotPassword } from '../api/forgot-password.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  useDocumentTitle(t('forgot.title'));

  function submit(event: FormEvent) {
    event.preventDefault();
    forgot.mutate(email.trim());
  }

  const fields = fieldErrors(t, forgot.error);
  return (
    <>
      <h1 className="auth-card__title">{t('forgot.title')}</h1>
      {forgot.isSuccess ? (
        <Alert tone="success">{t('forgot.sent')}</Alert>
      ) : (
        <>
          <p className="auth-card__lead">{t('forgot.lead')}</p>
          {forgot.error && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, forgot.error)}</Alert> : null}
          <form className="form" onSubmit={submit}>
            <TextField
              label={t('fields.email')}
              type="email"
              name="email"
              autoComplete="email"
              required
              maxLength={Limits.emailMax}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fields.email}
            />
            <button type="submit" className="button button--primary button--block" disabled={forgot.isPending}>
              {t('forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p className="auth-card__footer">
        <Link to="/login">{t('backToLogin')}</Link>
      </p>
    </>
  );
}
