import type { Conversation } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { useConversations } from '../api/list-conversations.ts';
import { plainText } from '../../../lib/markdown.ts';
import { systemText } from '../lib/system-text.ts';
import { IconBellOff } from '../../../components/ui/icons.tsx';
import { conversationTitle, otherMembers } from './conversation-info.ts';

/**
 * The picture of a conversation: the chat's photo / the group's cover; a direct chat shows the other
 * person; a group chat or room without a picture shows the initials of its name (never one member's face).
 */
export function ConversationPicture({ conversation, meId, size = 'md' }: { conversation: Conversation; meId: string; size?: 'xs' | 'sm' | 'md' }) {
  if (conversation.photo) {
    return <Avatar user={{ name: conversation.title ?? '', avatar: conversation.photo, initialsAvatarUrl: '' }} size={size} alt="" />;
  }
  if (conversation.kind !== 'direct') {
    const initials = (conversation.title ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('');
    return (
      <span className={`avatar avatar--${size} avatar--initials`} aria-hidden="true">
        {initials || '#'}
      </span>
    );
  }
  const first = otherMembers(conversation, meId)[0];
  return first ? <Avatar user={first} size={size} alt="" /> : null;
}

export function ConversationList({ activeId }: { activeId: string | undefined }) {
  const { t, i18n } = useTranslation('chat');
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
        const last = c.lastMessage;
        const body = !last
          ? ''
          : last.system
            ? ''
            : last.body
              ? plainText(last.body)
              : last.attachments.length
                ? t('attach.preview', { count: last.attachments.length })
                : '';
        const excerpt = !last
          ? t('noMessages')
          : last.deletedAt
            ? t('deleted')
            : last.system
              ? systemText(t, i18n.language, last, me.user.id)
              : last.author?.id === me.user.id
                ? t('you', { body })
                : c.kind !== 'direct' && last.author
                  ? `${last.author.name.split(' ')[0]}: ${body}`
                  : body;
        const unread = c.unreadCount > 0 || c.markedUnread;
        const classes = [
          'chat__item',
          unread && !c.muted ? 'chat__item--unread' : '',
          c.muted ? 'chat__item--muted' : '',
          c.id === activeId ? 'chat__item--active' : '',
        ].filter(Boolean);
        return (
          <li key={c.id}>
            <Link to="/chat/$conversationId" params={{ conversationId: c.id }} className={classes.join(' ')}>
              <ConversationPicture conversation={c} meId={me.user.id} />
              <span className="chat__item-text">
                <span className="chat__item-title">
                  <span className="chat__item-name">{title}</span>
                  {c.muted ? (
                    <span className="chat__item-muted" title={t('muted')}>
                      <IconBellOff width={14} height={14} />
                      <span className="visually-hidden">{t('muted')}</span>
                    </span>
                  ) : null}
                </span>
                <span className="chat__item-excerpt">
                  <span className="chat__item-body">{excerpt}</span>
                  {last ? <span className="chat__item-time">{`\u00a0· ${format.relative(last.createdAt)}`}</span> : null}
                </span>
              </span>
              {c.unreadCount > 0 ? (
                <span className={`chat__unread${c.muted ? ' chat__unread--muted' : ''}`}>
                  <span aria-hidden="true">{c.unreadCount}</span>
                  <span className="visually-hidden">{t('unread', { count: c.unreadCount })}</span>
                </span>
              ) : c.markedUnread ? (
                <span className="chat__dot">
                  <span className="visually-hidden">{t('markedUnread')}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
