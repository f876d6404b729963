import type { Group } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

/** `GET /groups/:id` (id or slug). Secret groups the caller may not see answer 404 like a missing one. */
export const groupQueryOptions = (id: string) =>
  queryOptions({
    queryKey: groupKeys.detail(id),
    queryFn: ({ signal }) => api<Group>(`/groups/${encodeURIComponent(id)}`, { signal }),
  });

export function useGroup(id: string) {
  return useQuery(groupQueryOptions(id));
}
