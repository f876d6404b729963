import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

/** `POST /groups/:id/requests/:requestId/decline` → 204. */
export function declineRequest(id: string, requestId: string) {
  return api<void>(`/groups/${encodeURIComponent(id)}/requests/${encodeURIComponent(requestId)}/decline`, { method: 'POST' });
}

export function useDeclineRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => declineRequest(id, requestId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.all, refetchType: 'active' }),
  });
}
