import type { UserSummary } from '@innenhof/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** `GET /mentions?q=&groupId=`: people who can read a post to that audience (a group's members, else employees). */
export function useMentionSuggestions(q: string, groupId: string | null) {
  return useQuery({
    queryKey: ['feed', 'mentions', groupId, q] as const,
    queryFn: ({ signal }) => api<{ items: UserSummary[] }>('/mentions', { query: { q, groupId }, signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** `GET /hashtags?q=`: hashtags in use (only from posts I can read), most used first. */
export function useHashtagSuggestions(q: string) {
  return useQuery({
    queryKey: ['feed', 'hashtags', q] as const,
    queryFn: ({ signal }) => api<{ items: { tag: string; count: number }[] }>('/hashtags', { query: { q }, signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
