import type { GroupSummary } from '@innenhof/contract';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type GroupFilter, groupKeys } from './keys.ts';

export type GroupPage = { items: GroupSummary[]; nextCursor: string | null };

/** `GET /groups?filter=&q=`: the directory, by name, in keyset pages. */
export const groupsQueryOptions = (filter: GroupFilter, q: string, limit = 24) =>
  infiniteQueryOptions({
    queryKey: groupKeys.list(filter, q.trim()),
    queryFn: ({ pageParam, signal }) => api<GroupPage>('/groups', { query: { filter, q: q.trim(), cursor: pageParam, limit }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export function useGroups(filter: GroupFilter, q = '', limit?: number) {
  return useInfiniteQuery(groupsQueryOptions(filter, q, limit));
}
