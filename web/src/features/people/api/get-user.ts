import type { UserProfile } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { userKeys } from './keys.ts';

export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => api<UserProfile>(`/users/${encodeURIComponent(id)}`, { signal }),
  });

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}
