import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useNotifications } from '../api/list-notifications.ts';
import { useMarkAllRead } from '../api/mark-all-read.ts';
import { useUnreadNotifications } from '../api/get-unread-count.ts';
import { useMediaQuery } from '../hooks/use-media-query.ts';
import { useNotificationsLive } from '../hooks/use-notifications-live.ts';
import { IconBell } from '../../../components/ui/icons.tsx';
import { NotificationList } from './notification-list.tsx';
import './notifications.css';
import { useDismiss } from '../../../lib/use-dismiss.ts';

/** Phones get the full page instead of a popover (same breakpoint as the bottom tab bar). */
const PHONE = '(max-width: 767px)';
const PANEL_SIZE = 10;

function BellBadge({ count }: { count: number }) {
  if (!count) return null;
  return (
    <span className="nav-badge notification-bell__badge" aria-hidden="true">
      {count > 9 ? '9+' : count}
    </span>
  );
}

/**
 * The bell in the top bar with the unread count: a popover with the latest notifications on larger screens,
 * a link to the notifications page on phones. The count is live (`notifications.changed`) and refetched
 * when the tab regains focus.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const unread = useUnreadNotifications();
  useNotificationsLive();
  const phone = useMediaQuery(PHONE);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const label = unread ? t('bellUnread', { count: unread }) : t('bell');

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, rootRef, buttonRef);

  useEffect(() => {
    if (phone) setOpen(false);
  }, [phone]);

  if (phone) {
    return (
      <Link to="/notifications" className="notification-bell" aria-label={label}>
        <IconBell />
        <BellBadge count={unread} />
      </Link>
    );
  }
  return (
    <div className="notification-bell__root" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="notification-bell"
        aria-label={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <IconBell />
        <BellBadge count={unread} />
      </button>
      {open ? <NotificationPanel id={panelId} unread={unread} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

/** The popover: a non-modal dialog, focused when it opens; Escape or a click outside closes it. */
function NotificationPanel({ id, unread, onClose }: { id: string; unread: number; onClose: () => void }) {
  const { t } = useTranslation('notifications');
  const headingId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const list = useNotifications('all', PANEL_SIZE);
  const markAll = useMarkAllRead();
  const items = list.data?.pages[0]?.items ?? [];

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  return (
    <div ref={panelRef} id={id} className="notification-panel" role="dialog" aria-labelledby={headingId} tabIndex={-1}>
      <div className="notification-panel__header">
        <h2 id={headingId} className="notification-panel__title">
          {t('title')}
        </h2>
        <button type="button" className="link-button" disabled={unread === 0 || markAll.isPending} onClick={() => markAll.mutate()}>
          {t('markAllRead')}
        </button>
      </div>
      <div className="notification-panel__body">
        {list.isPending ? (
          <Spinner label={t('loading')} />
        ) : list.isError ? (
          <div className="notification-panel__empty">
            <p>{t('loadError')}</p>
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('retry')}
            </button>
          </div>
        ) : items.length === 0 ? (
          <p className="notification-panel__empty muted">{t('empty')}</p>
        ) : (
          <NotificationList items={items} onOpen={onClose} labelledBy={headingId} />
        )}
      </div>
      <div className="notification-panel__footer">
        <Link to="/notifications" className="notification-panel__all" onClick={onClose}>
          {t('seeAll')}
        </Link>
      </div>
    </div>
  );
}
