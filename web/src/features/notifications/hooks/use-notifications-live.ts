import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeRealtime } from '../../../lib/realtime.ts';
import { refreshNotifications } from '../api/cache.ts';

/**
 * `notifications.changed` (new, grouped into an existing row, read in another tab) refetches the badge and
 * the lists on screen. Several events close together cause one refetch. The connection itself is the app
 * shell's (`useLiveUpdates`).
 */
export function useNotificationsLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribeRealtime((message) => {
      if (message.kind === 'event' && message.event.type !== 'notifications.changed') return;
      if (!timer)
        timer = setTimeout(() => {
          timer = null;
          void refreshNotifications(queryClient);
        }, 80);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient]);
}
