import type { Invitation } from '@innenhof/contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export const invitationKeys = { list: ['invitations', 'list'] as const };

export const invitationsQueryOptions = infiniteQueryOptions({
  queryKey: invitationKeys.list,
  queryFn: ({ pageParam, signal }) =>
    api<{ items: Invitation[]; nextCursor: string | null }>('/invitations', {
      query: { cursor: pageParam, limit: 50 },
      signal,
    }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

export function useInvitations() {
  return useInfiniteQuery(invitationsQueryOptions);
}
