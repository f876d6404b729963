import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

/** `POST /group-invitations/:id/decline` → 204. */
export function declineGroupInvitation(invitationId: string) {
  return api<void>(`/group-invitations/${encodeURIComponent(invitationId)}/decline`, { method: 'POST' });
}

export function useDeclineGroupInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => declineGroupInvitation(invitationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.all, refetchType: 'active' }),
  });
}
