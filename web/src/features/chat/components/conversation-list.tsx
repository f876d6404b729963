import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { useConversations } from '../api/list-conversations.ts';
import { conversationTitle, otherMembers } from './conversation-info.ts';

export function ConversationList({ activeId }: { activeId: string | undefined }) {
  const { t } = useTranslation('chat');
  const me = useMe();
  const format = useFormatters();
  const conversations = useConversations();
  if (conversations.isPending) return <Spinner />;
  if (conversations.isError) return <Alert tone="error">{errorMessage(t, conversations.error)}</Alert>;
  const items = conversations.data.items;
  if (!items.length) return <p className="muted chat__none">{t('none')}</p>;
  return (
    <ul className="chat__conversations plain-list">
      {items.map((c) => {
        const title = conversationTitle(c, me.user.id);
        const first = otherMembers(c, me.user.id)[0];
        const last = c.lastMessage;
        const excerpt = !last
          ? t('noMessages')
          : last.deletedAt
            ? t('deleted')
            : last.author?.id === me.user.id
              ? t('you', { body: last.body })
              : c.kind === 'group' && last.author
                ? `${last.author.name.split(' ')[0]}: ${last.body}`
                : last.body;
        return (
          <li key={c.id}>
            <Link
              to="/chat/$conversationId"
              params={{ conversationId: c.id }}
              className={`chat__item${c.unreadCount > 0 ? ' chat__item--unread' : ''}${c.id === activeId ? ' chat__item--active' : ''}`}
            >
              {first ? <Avatar user={first} size="md" alt="" /> : null}
              <span className="chat__item-text">
                <span className="chat__item-title">{title}</span>
                <span className="chat__item-excerpt">
                  <span className="chat__item-body">{excerpt}</span>
                  {last ? <span className="chat__item-time">{`\u00a0· ${format.relative(last.createdAt)}`}</span> : null}
                </span>
              </span>
              {c.unreadCount > 0 ? (
                <span className="chat__unread">
                  <span aria-hidden="true">{c.unreadCount}</span>
                  <span className="visually-hidden">{t('unread', { count: c.unreadCount })}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
