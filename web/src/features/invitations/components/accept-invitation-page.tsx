import { Limits } from '@innenhof/contract';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { i18n, isAppLocale } from '../../../lib/i18n.ts';
import { useAcceptInvitation } from '../api/accept-invitation.ts';
import { useInvitationPreview } from '../api/get-invitation-preview.ts';

const route = getRouteApi('/_public/invite/$token');

export function AcceptInvitationPage() {
  const { t } = useTranslation('auth');
  const { token } = route.useParams();
  const navigate = useNavigate();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  useDocumentTitle(t('invite.title'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const me = await accept.mutateAsync({
        token,
        name: name.trim(),
        password,
        ...(isAppLocale(i18n.language) ? { locale: i18n.language } : {}),
      });
      // Guests land on their home, which lists their group; new employees on their own profile, to add a photo and job title.
      if (me?.user.role === 'guest') await navigate({ to: '/' });
      else if (me) await navigate({ to: '/people/$id', params: { id: me.user.id }, search: { welcome: true } });
      else await navigate({ to: '/' });
    } catch {
      // Shown below.
    }
  }

  if (preview.isPending) return <Spinner />;
  if (preview.isError) {
    const invalid =
      isApiError(preview.error, 'invitation_invalid') ||
      isApiError(preview.error, 'not_found') ||
      isApiError(preview.error, 'token_invalid') ||
      isApiError(preview.error, 'validation_failed');
    return (
      <>
        <h1 className="auth-card__title">{t('invite.title')}</h1>
        <Alert tone="error">{invalid ? t('invite.invalid') : errorMessage(t, preview.error)}</Alert>
        <p className="auth-card__footer">
          <Link to="/login">{t('backToLogin')}</Link>
        </p>
      </>
    );
  }

  const fields = fieldErrors(t, accept.error);
  const invalidNow = isApiError(accept.error, 'invitation_invalid');
  return (
    <>
      <h1 className="auth-card__title">{t('invite.heading', { company: preview.data.companyName })}</h1>
      {preview.data.role === 'guest' ? (
        <Alert tone="info">{preview.data.groupName ? t('invite.guestGroup', { group: preview.data.groupName }) : t('invite.guest')}</Alert>
      ) : null}
      <p className="auth-card__lead">
        {preview.data.invitedBy
          ? t('invite.leadBy', { name: preview.data.invitedBy, email: preview.data.email })
          : t('invite.lead', { email: preview.data.email })}
      </p>
      {invalidNow ? <Alert tone="error">{t('invite.invalid')}</Alert> : null}
      {accept.error && !invalidNow && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, accept.error)}</Alert> : null}
      <form className="form" onSubmit={submit}>
        <TextField label={t('fields.email')} type="email" value={preview.data.email} readOnly autoComplete="username" />
        <TextField
          label={t('fields.yourName')}
          name="name"
          autoComplete="name"
          required
          maxLength={Limits.nameMax}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
        />
        <TextField
          label={t('fields.choosePassword')}
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
        <button type="submit" className="button button--primary button--block" disabled={accept.isPending}>
          {t('invite.submit')}
        </button>
      </form>
    </>
  );
}
