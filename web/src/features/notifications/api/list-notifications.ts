import type { NotificationPage } from '@innenhof/contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

export type NotificationFilter = 'all' | 'unread';

/** `GET /notifications`: newest first, keyset pages (`nextCursor`). The panel shows the first page of 10, the page pages of 20. */
export function notificationsQueryOptions(filter: NotificationFilter, limit: number) {
  return infiniteQueryOptions({
    queryKey: notificationKeys.list(filter, limit),
    queryFn: ({ pageParam, signal }) =>
      api<NotificationPage>('/notifications', {
        query: { cursor: pageParam, limit, unread: filter === 'unread' ? true : undefined },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 10_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications(filter: NotificationFilter, limit: number, enabled = true) {
  return useInfiniteQuery({ ...notificationsQueryOptions(filter, limit), enabled });
}
