import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { userKeys } from './keys.ts';
import type { UserPage } from './list-users.ts';

/** Quick people search for the top bar and the manager picker (first few hits only). */
export const searchPeopleQueryOptions = (q: string) =>
  queryOptions({
    queryKey: userKeys.search(q),
    queryFn: ({ signal }) => api<UserPage>('/users', { query: { q, limit: 8 }, signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

export function useSearchPeople(q: string) {
  return useQuery(searchPeopleQueryOptions(q.trim()));
}
