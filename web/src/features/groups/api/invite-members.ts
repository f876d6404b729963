import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

export interface InviteMembersResult {
  invited: string[];
  alreadyMembers: string[];
  alreadyInvited: string[];
}

/** `POST /groups/:id/invitations {userIds}` (up to 100 at once). */
export function inviteMembers(id: string, userIds: string[]) {
  return api<InviteMembersResult>(`/groups/${encodeURIComponent(id)}/invitations`, { method: 'POST', body: { userIds } });
}

export function useInviteMembers(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => inviteMembers(id, userIds),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.all, refetchType: 'active' }),
  });
}
