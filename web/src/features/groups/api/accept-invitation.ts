import type { Group } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

/** `POST /group-invitations/:id/accept` → the group, now with you as a member. */
export function acceptGroupInvitation(invitationId: string) {
  return api<Group>(`/group-invitations/${encodeURIComponent(invitationId)}/accept`, { method: 'POST' });
}

export function useAcceptGroupInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invitationId }: { invitationId: string; groupKey?: string }) => acceptGroupInvitation(invitationId),
    onSuccess: (group, { groupKey }) => groupChanged(queryClient, groupKey ?? group.id, group),
  });
}
