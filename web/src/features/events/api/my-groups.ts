import type { GroupSummary } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** My groups, for the audience picker (`groups` key: group events refresh it). */
export function useMyGroups(enabled = true) {
  return useQuery({
    queryKey: ['groups', 'list', 'mine', 'audiences'] as const,
    queryFn: ({ signal }) => api<{ items: GroupSummary[]; nextCursor: string | null }>('/groups', { query: { filter: 'mine', limit: 50 }, signal }),
    enabled,
  });
}
