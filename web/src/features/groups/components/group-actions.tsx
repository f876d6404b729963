import type { Group } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { IconChat } from '../../../components/ui/icons.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useOpenConversation } from '../../../lib/chat-dock.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { useAcceptGroupInvitation } from '../api/accept-invitation.ts';
import { useCancelRequest } from '../api/cancel-request.ts';
import { useDeclineGroupInvitation } from '../api/decline-invitation.ts';
import { useEnableGroupChat } from '../api/enable-group-chat.ts';
import { useJoinGroup } from '../api/join-group.ts';
import { useRemoveMember } from '../api/remove-member.ts';
import { AskToJoinDialog } from './ask-to-join-dialog.tsx';

/**
 * The caller's buttons on the group page, each gated on the group's `abilities` and `membership`:
 * accept/decline an invitation, join, ask to join, withdraw the request, leave.
 */
export function GroupActions({ group, groupKey }: { group: Group; groupKey: string }) {
  const { t } = useTranslation('groups');
  const me = useMe();
  const navigate = useNavigate();
  const join = useJoinGroup();
  const cancel = useCancelRequest();
  const accept = useAcceptGroupInvitation();
  const decline = useDeclineGroupInvitation();
  const leave = useRemoveMember(group.id);
  const enableChat = useEnableGroupChat();
  const openConversation = useOpenConversation();
  const [asking, setAsking] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const { membership, abilities } = group;
  const error = join.error ?? cancel.error ?? accept.error ?? decline.error ?? enableChat.error;
  const isMember = membership.role !== null;

  return (
    <>
      <div className="group-header__actions">
        {membership.invitationId ? (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={accept.isPending}
              onClick={() => membership.invitationId && accept.mutate({ invitationId: membership.invitationId, groupKey })}
            >
              {t('actions.acceptInvitation')}
            </button>
            <button
              type="button"
              className="button"
              disabled={decline.isPending}
              onClick={() => membership.invitationId && decline.mutate(membership.invitationId)}
            >
              {t('actions.declineInvitation')}
            </button>
          </>
        ) : null}
        {!membership.invitationId && abilities.join ? (
          <button type="button" className="button button--primary" disabled={join.isPending} onClick={() => join.mutate(groupKey)}>
            {t('actions.join')}
          </button>
        ) : null}
        {abilities.request ? (
          <button type="button" className="button button--primary" onClick={() => setAsking(true)}>
            {t('actions.ask')}
          </button>
        ) : null}
        {membership.requested ? (
          <>
            <span className="group-header__status">{t('actions.requested')}</span>
            <button type="button" className="button" disabled={cancel.isPending} onClick={() => cancel.mutate(groupKey)}>
              {t('actions.withdraw')}
            </button>
          </>
        ) : null}
        {isMember && group.chatId ? (
          <button type="button" className="button" onClick={() => group.chatId && openConversation(group.chatId)}>
            <IconChat width={18} height={18} /> {t('chat.open')}
          </button>
        ) : null}
        {isMember && !group.chatId && abilities.update && !group.archived ? (
          <button
            type="button"
            className="button"
            disabled={enableChat.isPending}
            onClick={() => enableChat.mutate(group.id, { onSuccess: ({ id }) => openConversation(id) })}
          >
            <IconChat width={18} height={18} /> {t('chat.start')}
          </button>
        ) : null}
        {abilities.leave ? (
          <button type="button" className="button" onClick={() => setLeaving(true)}>
            {t('actions.leave')}
          </button>
        ) : null}
      </div>
      {membership.invitationId ? <p className="group-header__status">{t('actions.invitedHint')}</p> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}

      {abilities.request ? <AskToJoinDialog groupKey={groupKey} groupName={group.name} open={asking} onClose={() => setAsking(false)} /> : null}

      <Dialog open={leaving} onClose={() => setLeaving(false)} title={t('actions.leaveTitle', { name: group.name })}>
        <div className="stack">
          <p>{group.visibility === 'public' ? t('actions.leaveText') : t('actions.leaveTextClosed')}</p>
          {leave.error ? <Alert tone="error">{isApiError(leave.error, 'conflict') ? t('actions.lastOwner') : errorMessage(t, leave.error)}</Alert> : null}
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setLeaving(false)}>
              {t('common:cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={leave.isPending}
              onClick={async () => {
                try {
                  await leave.mutateAsync(me.user.id);
                  setLeaving(false);
                  // A private or secret group may no longer be readable: go back to the directory.
                  if (group.visibility !== 'public') await navigate({ to: '/groups' });
                } catch {
                  // Shown above.
                }
              }}
            >
              {t('actions.leaveConfirm')}
            </button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
