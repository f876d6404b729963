import { Limits } from '@innenhof/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useChangePassword } from '../api/change-password.ts';

export function ChangePasswordCard() {
  const { t } = useTranslation('settings');
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    try {
      await change.mutateAsync({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch {
      // Shown below.
    }
  }

  const fields = fieldErrors(t, change.error);
  const wrongCurrent = isApiError(change.error, 'invalid_credentials');
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading" className="card__title">
        {t('password.title')}
      </h2>
      {change.isSuccess ? <Alert tone="success">{t('password.changed')}</Alert> : null}
      {change.error && !wrongCurrent && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, change.error)}</Alert> : null}
      <form className="form form--narrow" onSubmit={submit}>
        <TextField
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={wrongCurrent ? t('password.wrongCurrent') : fields.currentPassword}
        />
        <TextField
          label={t('password.new')}
          type="password"
          autoComplete="new-password"
          required
          minLength={Limits.passwordMin}
          maxLength={Limits.passwordMax}
          hint={t('auth:fields.passwordHint', { count: Limits.passwordMin })}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={fields.newPassword}
        />
        <TextField
          label={t('password.confirm')}
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={mismatch ? t('auth:fields.passwordMismatch') : undefined}
        />
        <div>
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            {t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
