import type { EscalationTopic, EscalationTopicVersion } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { escalationKeys, topicPath } from './keys.ts';

export const topicQueryOptions = (id: string) =>
  queryOptions({
    queryKey: escalationKeys.topic(id),
    queryFn: ({ signal }) => api<EscalationTopic>(topicPath(id), { signal }),
    refetchInterval: 60_000,
  });

/** `GET /escalation/topics/:id`: the topic with chain, hours, out-of-hours rule and who to contact now. */
export function useTopic(id: string) {
  return useQuery(topicQueryOptions(id));
}

/** `GET /escalation/topics/:id/versions`: who changed what, newest first. */
export function useTopicVersions(id: string) {
  return useQuery({
    queryKey: escalationKeys.versions(id),
    queryFn: ({ signal }) => api<{ items: EscalationTopicVersion[]; nextCursor: string | null }>(`${topicPath(id)}/versions`, { query: { limit: 50 }, signal }),
  });
}
