import type { Group } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

/** `DELETE /groups/:id/requests/mine`: take your join request back. */
export function cancelRequest(id: string) {
  return api<Group>(`/groups/${encodeURIComponent(id)}/requests/mine`, { method: 'DELETE' });
}

export function useCancelRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => cancelRequest(id),
    onSuccess: (group, id) => groupChanged(queryClient, id, group),
  });
}
