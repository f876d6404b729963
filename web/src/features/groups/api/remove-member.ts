import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session.ts';
import { groupKeys } from './keys.ts';

/** `DELETE /groups/:id/members/:userId`: leave (yourself) or remove someone. 409 for the last owner. */
export function removeMember(id: string, userId: string) {
  return api<void>(`/groups/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

export function useRemoveMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(id, userId),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.all, refetchType: 'active' }),
        queryClient.invalidateQueries({ queryKey: sessionKeys.me, refetchType: 'none' }),
      ]);
    },
  });
}
