import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

/** `POST /groups/:id/requests/:requestId/approve` → 204. */
export function approveRequest(id: string, requestId: string) {
  return api<void>(`/groups/${encodeURIComponent(id)}/requests/${encodeURIComponent(requestId)}/approve`, { method: 'POST' });
}

export function useApproveRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => approveRequest(id, requestId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.all, refetchType: 'active' }),
  });
}
