import type { CreateEscalationTopic, EscalationTopic, UpdateEscalationTopic } from '@innenhof/contract';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { escalationKeys, topicPath } from './keys.ts';

/** The answer goes into the cache at once; the lists and the version history refetch. */
function putTopic(queryClient: QueryClient, topic: EscalationTopic) {
  queryClient.setQueryData(escalationKeys.topic(topic.id), topic);
  void queryClient.invalidateQueries({ queryKey: escalationKeys.topics });
  void queryClient.invalidateQueries({ queryKey: escalationKeys.versions(topic.id) });
}

/** `POST /escalation/topics` (admins and directory editors). */
export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEscalationTopic) => api<EscalationTopic>('/escalation/topics', { method: 'POST', body: input }),
    onSuccess: (topic) => putTopic(queryClient, topic),
  });
}

/** `PATCH /escalation/topics/:id`: every change stores a version. */
export function useUpdateTopic(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateEscalationTopic) => api<EscalationTopic>(topicPath(id), { method: 'PATCH', body: input }),
    onSuccess: (topic) => putTopic(queryClient, topic),
  });
}

/** Archive (`POST /escalation/topics/:id/archive`) or bring back (`…/restore`); never a hard delete. */
export function useArchiveTopic(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archive: boolean) => api<EscalationTopic>(`${topicPath(id)}/${archive ? 'archive' : 'restore'}`, { method: 'POST' }),
    onSuccess: (topic) => putTopic(queryClient, topic),
  });
}
