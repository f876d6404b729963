import './groups.css';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useAcceptGroupInvitation } from '../api/accept-invitation.ts';
import { useDeclineGroupInvitation } from '../api/decline-invitation.ts';
import { useMyGroupInvitations } from '../api/list-my-invitations.ts';

/** The right column on home: open invitations to groups, to accept or decline. Nothing when there are none. */
export function GroupInvitationsCard({ headingId }: { headingId: string }) {
  const { t } = useTranslation('groups');
  const invitations = useMyGroupInvitations();
  const accept = useAcceptGroupInvitation();
  const decline = useDeclineGroupInvitation();
  const items = invitations.data?.items ?? [];
  if (!items.length) return null;
  const error = accept.error ?? decline.error;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('invitations.title')}
      </h2>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <ul className="plain-list">
        {items.map((invitation) => (
          <li key={invitation.id} className="invitation-item">
            <div className="group-row">
              {invitation.group.cover ? (
                <img className="group-row__thumb" src={invitation.group.cover.small} alt="" />
              ) : (
                <span className="group-row__thumb" aria-hidden="true" />
              )}
              <span className="group-row__text">
                <Link to="/groups/$groupId" params={{ groupId: invitation.group.slug }} className="group-row__name">
                  {invitation.group.name}
                </Link>
                <span className="group-row__sub">
                  {invitation.invitedBy ? t('invitations.by', { name: invitation.invitedBy.name }) : t(`visibility.${invitation.group.visibility}.label`)}
                </span>
              </span>
            </div>
            <div className="invitation-item__actions">
              <button
                type="button"
                className="button button--primary button--small"
                disabled={accept.isPending}
                onClick={() => accept.mutate({ invitationId: invitation.id, groupKey: invitation.group.slug })}
              >
                {t('invitations.accept')}
                <span className="visually-hidden">: {invitation.group.name}</span>
              </button>
              <button type="button" className="button button--small" disabled={decline.isPending} onClick={() => decline.mutate(invitation.id)}>
                {t('invitations.decline')}
                <span className="visually-hidden">: {invitation.group.name}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
