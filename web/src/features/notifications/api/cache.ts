import type { NotificationPage } from '@innenhof/contract';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { notificationKeys, type UnreadNotifications } from './keys.ts';

/** Marks notifications read in every cached list (`ids` null: all of them) and lowers the badge, before the server answers. */
export function markReadInCache(queryClient: QueryClient, ids: readonly string[] | null): void {
  let newlyRead = 0;
  const matches = (id: string) => ids === null || ids.includes(id);
  const counted = new Set<string>();
  queryClient.setQueriesData<InfiniteData<NotificationPage>>({ queryKey: notificationKeys.lists }, (data) => {
    if (!data) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => {
          if (item.read || !matches(item.id)) return item;
          if (!counted.has(item.id)) {
            counted.add(item.id);
            newlyRead++;
          }
          return { ...item, read: true };
        }),
      })),
    };
  });
  queryClient.setQueryData<UnreadNotifications>(notificationKeys.unreadCount, (data) => {
    if (!data) return data;
    if (ids === null) return { unread: 0 };
    return { unread: Math.max(0, data.unread - (newlyRead || ids.length)) };
  });
}

/** Refetches the badge and the lists (not the settings). */
export function refreshNotifications(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: notificationKeys.unreadCount }),
    queryClient.invalidateQueries({ queryKey: notificationKeys.lists }),
  ]);
}
