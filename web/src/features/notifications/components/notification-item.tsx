import type { Notification } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { IconGroups } from '../../../components/ui/icons.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useMarkRead } from '../api/mark-read.ts';
import { NotificationText } from './notification-text.tsx';

/** Only app paths are followed (the server sends `/posts/…`, `/groups/…`); anything else opens the list. */
function safePath(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : '/notifications';
}

/**
 * One row: the latest people's avatars, the sentence, a one-line excerpt, the time, and a dot while unread.
 * A real link (middle click, "open in new tab" work); a plain click marks it read and navigates in the app.
 */
export function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen?: () => void }) {
  const { t } = useTranslation('notifications');
  const format = useFormatters();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const href = safePath(notification.target.url);
  const [first, second] = notification.actors;

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!notification.read) markRead.mutate(notification.id);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen?.();
    void navigate({ href });
  };

  return (
    <li className={`notification${notification.read ? '' : ' notification--unread'}${notification.type === 'escalation' ? ' notification--urgent' : ''}`}>
      <a href={href} className="notification__link" onClick={onClick}>
        <span className={`notification__avatars${second ? ' notification__avatars--two' : ''}`} aria-hidden="true">
          {first ? (
            <>
              <Avatar user={first} size={second ? 'xs' : 'md'} alt="" />
              {second ? <Avatar user={second} size="xs" alt="" /> : null}
            </>
          ) : (
            <span className="notification__icon">
              <IconGroups />
            </span>
          )}
        </span>
        <span className="notification__body">
          <span className="notification__text">
            {notification.type === 'escalation' ? <span className="notification__urgent">{t('urgent')}</span> : null}
            <NotificationText notification={notification} />
          </span>
          {notification.excerpt ? <span className="notification__excerpt">{notification.excerpt}</span> : null}
          <time className="notification__time" dateTime={notification.updatedAt} title={format.dateTime(notification.updatedAt)}>
            {format.relative(notification.updatedAt)}
          </time>
        </span>
        {notification.read ? null : (
          <span className="notification__dot">
            <span className="visually-hidden">{t('unreadDot')}</span>
          </span>
        )}
      </a>
    </li>
  );
}
