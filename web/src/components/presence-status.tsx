import { useTranslation } from 'react-i18next';
import { usePresenceOf } from '../features/chat/api/presence.ts';
import { useFormatters } from '../lib/format.ts';

/** A colleague's status and its words ("Active now", "Away", "Active 5 minutes ago"), kept live; text null when never seen. */
export function usePresenceText(userId: string | null): { status: 'online' | 'away' | 'offline' | null; text: string | null } {
  const { t } = useTranslation();
  const { relative } = useFormatters();
  const presence = usePresenceOf(userId).data;
  if (!presence) return { status: null, text: null };
  const text =
    presence.status === 'online'
      ? t('common:presence.online')
      : presence.status === 'away'
        ? t('common:presence.away')
        : !presence.lastSeenAt
          ? null
          : Date.now() - Date.parse(presence.lastSeenAt) < 60_000
            ? t('common:presence.lastSeenJustNow')
            : t('common:presence.lastSeen', { when: relative(presence.lastSeenAt) });
  return { status: presence.status, text };
}

/** The status line beside a name (profiles). */
export function PresenceStatus({ userId, className }: { userId: string; className?: string }) {
  const { status, text } = usePresenceText(userId);
  if (!text) return null;
  return (
    <span className={`presence-status presence-status--${status}${className ? ` ${className}` : ''}`}>
      <span className="presence-status__dot" aria-hidden="true" /> {text}
    </span>
  );
}
