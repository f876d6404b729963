import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { notificationKeys, type UnreadNotifications } from './keys.ts';

/** `GET /notifications/unread-count`: the bell's badge. Refreshed live (`notifications.changed`) and when the tab regains focus. */
export const unreadCountQueryOptions = queryOptions({
  queryKey: notificationKeys.unreadCount,
  queryFn: ({ signal }) => api<UnreadNotifications>('/notifications/unread-count', { signal }),
  staleTime: 30_000,
  refetchOnWindowFocus: true,
});

/** Unread notifications (0 while loading or when the request fails: the bell is never in the way). */
export function useUnreadNotifications(): number {
  const { data } = useQuery({ ...unreadCountQueryOptions, retry: false });
  return data?.unread ?? 0;
}
