/** Query keys of the notifications feature; everything lives under `notifications`, so one invalidation refreshes it all. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  lists: ['notifications', 'list'] as const,
  list: (filter: 'all' | 'unread', limit: number) => ['notifications', 'list', filter, limit] as const,
  settings: ['notifications', 'settings'] as const,
};

/** `GET /notifications/unread-count` (`UnreadNotifications` in the contract). */
export interface UnreadNotifications {
  unread: number;
}
