import type { Notification } from '@innenhof/contract';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fillParts, part } from '../lib/rich-text.tsx';

/** "Anna", "Anna and Ben", "Anna and 3 others": names in bold. */
function actorsPhrase(t: TFunction<'notifications'>, notification: Notification): ReactNode {
  const [first, second] = notification.actors;
  const bold = (name: string) => <strong className="notification__name">{name}</strong>;
  if (!first) return t('actors.someone');
  const total = Math.max(notification.actorCount, notification.actors.length, 1);
  if (total === 1) return bold(first.name);
  if (total === 2 && second) return fillParts(t('actors.two', { a: part('a'), b: part('b') }), { a: bold(first.name), b: bold(second.name) });
  return fillParts(t('actors.many', { a: part('a'), count: total - 1 }), { a: bold(first.name) });
}

function textKey(notification: Notification): string | null {
  const onComment = notification.detail === 'comment';
  switch (notification.type) {
    case 'mention':
      return onComment ? 'text.mentionComment' : 'text.mentionPost';
    case 'comment':
      return 'text.comment';
    case 'reply':
      return 'text.reply';
    case 'reaction':
      return onComment ? 'text.reactionComment' : 'text.reactionPost';
    case 'share':
      return 'text.share';
    case 'group_invitation':
      return 'text.groupInvitation';
    case 'join_request':
      return 'text.joinRequest';
    case 'join_approved':
      return 'text.joinApproved';
    case 'group_post':
      return 'text.groupPost';
    case 'announcement':
      return 'text.announcement';
    case 'chat_message':
      return 'text.chatMessage';
    case 'poll':
      return notification.group ? 'text.pollGroup' : 'text.poll';
    case 'poll_reminder':
      return 'text.pollReminder';
    case 'event':
      return notification.group ? 'text.eventGroup' : 'text.event';
    case 'event_reminder':
      return 'text.eventReminder';
    case 'event_promoted':
      return 'text.eventPromoted';
    case 'event_cancelled':
      return 'text.eventCancelled';
    case 'escalation':
      return 'text.escalation';
    case 'workshop_invitation':
      return 'text.workshopInvitation';
    default:
      return null;
  }
}

/** The sentence of a notification, built in the reader's language from its type, actors, counts and group. */
export function NotificationText({ notification }: { notification: Notification }) {
  const { t } = useTranslation('notifications');
  const key = textKey(notification);
  if (!key) return <>{t('text.unknown')}</>;
  // Verbs agree with the number of people ("Anna hat …", "Anna und Ben haben …"); group posts count posts.
  const count = notification.type === 'group_post' ? Math.max(notification.count, 1) : Math.max(notification.actorCount, notification.actors.length, 1);
  const group = notification.group ? <strong className="notification__name">{notification.group.name}</strong> : t('aGroup');
  const text = t(key as 'text.comment', { count, who: part('who'), group: part('group') });
  return <>{fillParts(text, { who: actorsPhrase(t, notification), group })}</>;
}
