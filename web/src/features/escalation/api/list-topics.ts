import type { EscalationTopicPage } from '@innenhof/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { escalationKeys } from './keys.ts';

/** `GET /escalation/topics?q=`: the directory (A–Z), each topic with who to contact right now. */
export const topicsQueryOptions = (q: string, archived = false, limit = 100) =>
  queryOptions({
    queryKey: [...escalationKeys.topicList(q, archived), limit] as const,
    queryFn: ({ signal }) => api<EscalationTopicPage>('/escalation/topics', { query: { q: q || undefined, archived: archived || undefined, limit }, signal }),
    placeholderData: keepPreviousData,
    // "Who to contact right now" changes with the clock: refresh once a minute while on screen.
    refetchInterval: 60_000,
  });

export function useTopics(q: string, archived = false) {
  return useQuery(topicsQueryOptions(q.trim(), archived));
}

/** The first few topics matching a query, for the top bar's search. */
export function useTopicSuggestions(q: string) {
  const trimmed = q.trim();
  return useQuery({ ...topicsQueryOptions(trimmed, false, 5), enabled: trimmed.length > 0, refetchInterval: false });
}
