import type { GroupSummary } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useAcceptGroupInvitation } from '../api/accept-invitation.ts';
import { useJoinGroup } from '../api/join-group.ts';
import { AskToJoinDialog } from './ask-to-join-dialog.tsx';
import { VisibilityBadge } from './visibility-badge.tsx';

/** A group in the directory: cover, name, visibility, member count and the one button that fits. */
export function GroupCard({ group, showJoin }: { group: GroupSummary; showJoin: boolean }) {
  const { t } = useTranslation('groups');
  const format = useFormatters();
  return (
    <article className="group-card">
      <div className="group-card__cover">{group.cover ? <img src={group.cover.small} alt="" loading="lazy" /> : null}</div>
      <div className="group-card__body">
        <h3 className="group-card__name">
          <Link to="/groups/$groupId" params={{ groupId: group.slug }} className="group-card__link">
            {group.name}
          </Link>
        </h3>
        <p className="group-card__meta">
          <VisibilityBadge visibility={group.visibility} />
          <span>{t('memberCount', { count: group.memberCount, formatted: format.number(group.memberCount) })}</span>
          {group.archived ? <span className="badge badge--archived">{t('archived.badge')}</span> : null}
          {group.hasGuests ? <span className="badge badge--guest">{t('hasGuestsBadge')}</span> : null}
        </p>
        {group.description ? <p className="group-card__description">{group.description}</p> : null}
        {showJoin ? <CardAction group={group} /> : null}
      </div>
    </article>
  );
}

/** The one button that fits, gated on the summary's `abilities` (like the group page). */
function CardAction({ group }: { group: GroupSummary }) {
  const { t } = useTranslation('groups');
  const join = useJoinGroup();
  const accept = useAcceptGroupInvitation();
  const [asking, setAsking] = useState(false);
  const { membership } = group;
  const label = <span className="visually-hidden">: {group.name}</span>;
  let action: ReactNode = null;
  if (membership.role) {
    action = <span className="group-card__status muted small">{t(`roles.${membership.role}`)}</span>;
  } else if (membership.invitationId && group.abilities.join) {
    const invitationId = membership.invitationId;
    action = (
      <button type="button" className="button button--primary button--small" disabled={accept.isPending} onClick={() => accept.mutate({ invitationId })}>
        {t('actions.acceptInvitation')}
        {label}
      </button>
    );
  } else if (membership.requested) {
    action = <span className="muted small">{t('actions.requested')}</span>;
  } else if (group.abilities.join) {
    action = (
      <button type="button" className="button button--primary button--small" disabled={join.isPending} onClick={() => join.mutate(group.slug)}>
        {t('actions.join')}
        {label}
      </button>
    );
  } else if (group.abilities.request) {
    action = (
      <button type="button" className="button button--small" onClick={() => setAsking(true)}>
        {t('actions.ask')}
        {label}
      </button>
    );
  }
  const error = join.error ?? accept.error;
  return (
    <>
      {action ? <div className="group-card__actions">{action}</div> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {group.abilities.request ? <AskToJoinDialog groupKey={group.slug} groupName={group.name} open={asking} onClose={() => setAsking(false)} /> : null}
    </>
  );
}
