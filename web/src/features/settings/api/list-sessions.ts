import type { Session } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export const sessionListKey = ['me', 'sessions'] as const;

export const sessionsQueryOptions = queryOptions({
  queryKey: sessionListKey,
  queryFn: ({ signal }) => api<{ items: Session[] }>('/me/sessions', { signal }),
});

export function useSessions() {
  return useQuery(sessionsQueryOptions);
}
