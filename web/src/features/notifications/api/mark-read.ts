import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { markReadInCache, refreshNotifications } from './cache.ts';

/** `POST /notifications/:id/read` (204). */
export function markNotificationRead(id: string) {
  return api<void>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onMutate: (id) => markReadInCache(queryClient, [id]),
    onSettled: () => refreshNotifications(queryClient),
  });
}
