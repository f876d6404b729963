import type { UserSummary } from '@innenhof/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';

/** `GET /users?q=`: the first few colleagues matching a name, for pickers (group invitations, new chats). */
export const searchColleaguesQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['users', 'colleagues', q] as const,
    queryFn: ({ signal }) => api<{ items: UserSummary[]; nextCursor: string | null }>('/users', { query: { q, limit: 8 }, signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

export function useSearchColleagues(q: string) {
  return useQuery(searchColleaguesQueryOptions(q.trim()));
}
