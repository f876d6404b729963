import type { GroupInvitation } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

/** `GET /me/group-invitations`: the caller's open invitations to groups. */
export const myInvitationsQueryOptions = (enabled = true) =>
  queryOptions({
    queryKey: groupKeys.myInvitations,
    queryFn: ({ signal }) => api<{ items: GroupInvitation[] }>('/me/group-invitations', { signal }),
    enabled,
  });

export function useMyGroupInvitations(enabled = true) {
  return useQuery(myInvitationsQueryOptions(enabled));
}
