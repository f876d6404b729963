import type { UserSummary } from '@innenhof/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

/** `GET /users?q=`: colleagues for the invite picker (first few hits). Features do not share code, so it is its own call. */
export const searchColleaguesQueryOptions = (q: string) =>
  queryOptions({
    queryKey: groupKeys.colleagues(q),
    queryFn: ({ signal }) => api<{ items: UserSummary[]; nextCursor: string | null }>('/users', { query: { q, limit: 8 }, signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

export function useSearchColleagues(q: string) {
  return useQuery(searchColleaguesQueryOptions(q.trim()));
}
