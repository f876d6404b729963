import type { UserSummary } from '@innenhof/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { chatKeys } from './keys.ts';

/** `GET /users?q=`: colleagues for the new-conversation picker (first few hits). */
export const searchColleaguesQueryOptions = (q: string) =>
  queryOptions({
    queryKey: chatKeys.colleagues(q),
    queryFn: ({ signal }) => api<{ items: UserSummary[]; nextCursor: string | null }>('/users', { query: { q, limit: 8 }, signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

export function useSearchColleagues(q: string) {
  return useQuery(searchColleaguesQueryOptions(q.trim()));
}
