import type { JoinRequest } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

/** `GET /groups/:id/requests`: open join requests (moderators). */
export const requestsQueryOptions = (id: string, enabled = true) =>
  queryOptions({
    queryKey: groupKeys.requests(id),
    queryFn: ({ signal }) => api<{ items: JoinRequest[] }>(`/groups/${encodeURIComponent(id)}/requests`, { signal }),
    enabled,
  });

export function useJoinRequests(id: string, enabled = true) {
  return useQuery(requestsQueryOptions(id, enabled));
}
