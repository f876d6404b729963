import type { EscalationTopicPage } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { workshopKeys } from './keys.ts';

/**
 * `GET /escalation/topics`: the escalation directory (A–Z), for the exercise escalation and a scenario's linked
 * topics. The workshops' own query (features do not import each other), under the workshops keys.
 */
export function useDirectoryTopics() {
  return useQuery({
    queryKey: workshopKeys.topics,
    queryFn: ({ signal }) => api<EscalationTopicPage>('/escalation/topics', { query: { limit: 100 }, signal }),
  });
}
