import type { AcceptInvitation, UserProfile } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { startSession } from '../../../lib/session.ts';

export function acceptInvitation(body: AcceptInvitation) {
  return api<{ user: UserProfile; csrfToken: string }>('/invitations/accept', { method: 'POST', body });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AcceptInvitation) => startSession(queryClient, await acceptInvitation(body)),
  });
}
