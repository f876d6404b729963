import type { UserSummary } from '@innenhof/contract';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type UserFilters, userKeys } from './keys.ts';

export type UserPage = { items: UserSummary[]; nextCursor: string | null };

export const usersQueryOptions = (filters: UserFilters, limit = 24) =>
  infiniteQueryOptions({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<UserPage>('/users', {
        query: {
          q: filters.q?.trim(),
          department: filters.department,
          location: filters.location,
          status: filters.status,
          sort: filters.sort,
          cursor: pageParam,
          limit,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export function useUsers(filters: UserFilters, limit?: number) {
  return useInfiniteQuery(usersQueryOptions(filters, limit));
}
