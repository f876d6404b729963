import type { Invitation } from '@innenhof/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { i18n } from '../../../lib/i18n.ts';
import { useCreateInvitation } from '../api/create-invitation.ts';
import { useInvitations } from '../api/list-invitations.ts';
import { useRevokeInvitation } from '../api/revoke-invitation.ts';

function statusOf(invitation: Invitation): 'accepted' | 'revoked' | 'expired' | 'pending' {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (new Date(invitation.expiresAt).getTime() < Date.now()) return 'expired';
  return 'pending';
}

export function InvitationsAdminTab() {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const invitations = useInvitations();
  const create = useCreateInvitation();
  const revoke = useRevokeInvitation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'member' | 'admin'>('member');
  const [locale, setLocale] = useState<'de' | 'en'>(i18n.language === 'de' ? 'de' : 'en');
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    try {
      const invitation = await create.mutateAsync({ email: email.trim(), role, locale });
      setSentTo(invitation.email);
      setEmail('');
    } catch {
      // Shown below.
    }
  }

  const fields = fieldErrors(t, create.error);
  const items = invitations.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="stack">
      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="card__title">
          {t('invitations.new')}
        </h2>
        <p className="muted">{t('invitations.lead')}</p>
        {sentTo ? <Alert tone="success">{t('invitations.sent', { email: sentTo })}</Alert> : null}
        {create.error && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
        <form className="form form--inline" onSubmit={submit}>
          <TextField
            label={t('invitations.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fields.email}
            fieldClassName="form__grow"
          />
          <SelectField label={t('invitations.role')} value={role} onChange={(e) => setRole(e.target.value as 'member' | 'admin')}>
            <option value="member">{t('roles.member')}</option>
            <option value="admin">{t('roles.admin')}</option>
          </SelectField>
          <SelectField label={t('invitations.language')} value={locale} onChange={(e) => setLocale(e.target.value as 'de' | 'en')}>
            <option value="de" lang="de">
              Deutsch
            </option>
            <option value="en" lang="en">
              English
            </option>
          </SelectField>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('invitations.send')}
          </button>
        </form>
      </section>

      <section className="card" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="card__title">
          {t('invitations.list')}
        </h2>
        {invitations.isPending ? <Spinner /> : null}
        {invitations.isError ? <Alert tone="error">{errorMessage(t, invitations.error)}</Alert> : null}
        {revoke.error ? <Alert tone="error">{errorMessage(t, revoke.error)}</Alert> : null}
        {invitations.isSuccess && items.length === 0 ? <p className="muted">{t('invitations.empty')}</p> : null}
        {items.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('invitations.email')}</th>
                  <th scope="col">{t('invitations.role')}</th>
                  <th scope="col">{t('invitations.status')}</th>
                  <th scope="col">{t('invitations.created')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((invitation) => {
                  const status = statusOf(invitation);
                  return (
                    <tr key={invitation.id}>
                      <td className="table__strong">{invitation.email}</td>
                      <td>{t(`roles.${invitation.role}`, { defaultValue: invitation.role })}</td>
                      <td>
                        <span className={`badge badge--${status}`}>{t(`invitations.statuses.${status}`)}</span>
                      </td>
                      <td>{format.date(invitation.createdAt)}</td>
                      <td className="table__actions">
                        {status === 'pending' ? (
                          <button
                            type="button"
                            className="button button--small"
                            disabled={revoke.isPending}
                            onClick={() => {
                              if (window.confirm(t('invitations.revokeConfirm', { email: invitation.email }))) {
                                revoke.mutate(invitation.id);
                              }
                            }}
                          >
                            {t('invitations.revoke')}
                            <span className="visually-hidden">: {invitation.email}</span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {invitations.hasNextPage ? (
          <button type="button" className="button" onClick={() => invitations.fetchNextPage()} disabled={invitations.isFetchingNextPage}>
            {t('loadMore')}
          </button>
        ) : null}
      </section>
    </div>
  );
}
