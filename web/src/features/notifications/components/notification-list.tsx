import type { Notification } from '@innenhof/contract';
import { NotificationItem } from './notification-item.tsx';

/** The rows of the panel and of the page. */
export function NotificationList({ items, onOpen, labelledBy }: { items: Notification[]; onOpen?: () => void; labelledBy?: string }) {
  return (
    <ul className="notification-list plain-list" aria-labelledby={labelledBy}>
      {items.map((notification) => (
        <NotificationItem key={notification.id} notification={notification} onOpen={onOpen} />
      ))}
    </ul>
  );
}
