import type { CalendarFeed } from '@innenhof/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { eventKeys } from './keys.ts';

/** `GET /calendar/feed`: my secret calendar URL (or none yet). */
export function useCalendarFeed() {
  return useQuery({ queryKey: eventKeys.calendarFeed, queryFn: ({ signal }) => api<CalendarFeed>('/calendar/feed', { signal }) });
}

/** `POST` makes a new link (the old one stops working), `DELETE` revokes it. */
export function useChangeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'create' | 'revoke') => {
      if (action === 'create') return api<CalendarFeed>('/calendar/feed', { method: 'POST' });
      await api<void>('/calendar/feed', { method: 'DELETE' });
      return { url: null, createdAt: null } satisfies CalendarFeed;
    },
    onSuccess: (feed) => queryClient.setQueryData(eventKeys.calendarFeed, feed),
  });
}
