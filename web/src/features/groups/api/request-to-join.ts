import type { Group } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

/** `POST /groups/:id/requests {message?}`: ask to join a group with joining "on request". */
export function requestToJoin(id: string, message?: string) {
  return api<Group>(`/groups/${encodeURIComponent(id)}/requests`, { method: 'POST', body: message ? { message } : {} });
}

export function useRequestToJoin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, message }: { id: string; message?: string }) => requestToJoin(id, message),
    onSuccess: (group, { id }) => groupChanged(queryClient, id, group),
  });
}
