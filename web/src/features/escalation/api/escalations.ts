import type { Escalation, EscalationPage, EscalationStatus } from '@innenhof/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { escalationKeys, escalationPath, topicPath } from './keys.ts';

/**
 * `GET /escalations/:id`: the status with every step. Live events (`escalation.*`) invalidate it; the
 * interval is a fallback in case the connection drops, and shows when the next level is due.
 */
export function useEscalation(id: string | null) {
  return useQuery({
    queryKey: escalationKeys.escalation(id ?? ''),
    queryFn: ({ signal }) => api<Escalation>(escalationPath(id ?? ''), { signal }),
    enabled: Boolean(id),
    refetchInterval: 30_000,
  });
}

/** `GET /escalations?scope=&status=`: raised by me (`mine`) or sent to me at some level (`assigned`). */
export function useEscalations(scope: 'mine' | 'assigned', status: EscalationStatus | null = null, enabled = true) {
  return useQuery({
    queryKey: escalationKeys.escalationList(scope, status),
    queryFn: ({ signal }) => api<EscalationPage>('/escalations', { query: { scope, status, limit: 20 }, signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

/** `POST /escalation/topics/:id/escalations {message}`: raises an urgent escalation to whoever is the contact now. */
export function useRaiseEscalation(topicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: string) => api<Escalation>(`${topicPath(topicId)}/escalations`, { method: 'POST', body: { message } }),
    onSuccess: (escalation) => {
      queryClient.setQueryData(escalationKeys.escalation(escalation.id), escalation);
      void queryClient.invalidateQueries({ queryKey: escalationKeys.escalations });
    },
  });
}

/** `POST /escalations/:id/acknowledge`: the assignee (or someone further up the chain) takes it over. */
export function useAcknowledgeEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Escalation>(`${escalationPath(id)}/acknowledge`, { method: 'POST' }),
    onSuccess: (escalation) => {
      queryClient.setQueryData(escalationKeys.escalation(escalation.id), escalation);
      void queryClient.invalidateQueries({ queryKey: escalationKeys.escalations });
    },
    // Someone else was faster (409 `escalation_acknowledged`): show the state as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: escalationKeys.escalations }),
  });
}
