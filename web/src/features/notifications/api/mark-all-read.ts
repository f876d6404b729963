import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { markReadInCache, refreshNotifications } from './cache.ts';

/** `POST /notifications/read-all` (204). */
export function markAllNotificationsRead() {
  return api<void>('/notifications/read-all', { method: 'POST' });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onMutate: () => markReadInCache(queryClient, null),
    onSettled: () => refreshNotifications(queryClient),
  });
}
