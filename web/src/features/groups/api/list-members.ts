import type { GroupMember } from '@innenhof/contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

export type MemberPage = { items: GroupMember[]; nextCursor: string | null };

/** `GET /groups/:id/members`: owners first, then moderators, then members, by name. */
export const membersQueryOptions = (id: string, enabled = true) =>
  infiniteQueryOptions({
    queryKey: groupKeys.members(id),
    queryFn: ({ pageParam, signal }) => api<MemberPage>(`/groups/${encodeURIComponent(id)}/members`, { query: { cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export function useMembers(id: string, enabled = true) {
  return useInfiniteQuery(membersQueryOptions(id, enabled));
}
