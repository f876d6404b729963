import './dock.css';
import './presence.css';
import type { OnlineColleague } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { useOpenConversation } from '../../../lib/chat-dock.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useCreateConversation } from '../api/create-conversation.ts';
import { useOnlineColleagues } from '../api/presence.ts';

/** The right column's "Online now": colleagues connected now; a click opens the chat with them. */
export function OnlineColleaguesCard({ headingId }: { headingId: string }) {
  const { t } = useTranslation('dock');
  const online = useOnlineColleagues();
  const start = useCreateConversation();
  const open = useOpenConversation();
  // Online first, then away; by name within each.
  const items = [...(online.data?.items ?? [])].sort(
    (a, b) => Number(a.status === 'away') - Number(b.status === 'away') || a.user.name.localeCompare(b.user.name),
  );
  const chatWith = (colleague: OnlineColleague) => start.mutate({ userIds: [colleague.user.id] }, { onSuccess: (conversation) => open(conversation.id) });
  return (
    <section className="card online-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('online.title')}
      </h2>
      {online.isSuccess && items.length === 0 ? <p className="muted">{t('online.empty')}</p> : null}
      {online.isError ? <p className="muted">{t('online.unavailable')}</p> : null}
      {start.isError ? <Alert tone="error">{errorMessage(t, start.error)}</Alert> : null}
      {items.length ? (
        <ul className="plain-list online-card__list">
          {items.map((colleague) => (
            <li key={colleague.user.id}>
              <button
                type="button"
                className="online-card__person"
                disabled={start.isPending && start.variables?.userIds[0] === colleague.user.id}
                onClick={() => chatWith(colleague)}
              >
                <span className="online-card__photo">
                  <Avatar user={colleague.user} size="sm" alt="" />
                  <span className={`presence-dot presence-dot--${colleague.status}`} />
                </span>
                <span className="online-card__name">{colleague.user.name}</span>
                <span className="visually-hidden">{t(colleague.status === 'away' ? 'status.awayShort' : 'status.onlineShort')}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
