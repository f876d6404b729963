import type { CreateInvitation, Invitation } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { invitationKeys } from './list-invitations.ts';

export function createInvitation(body: CreateInvitation) {
  return api<Invitation>('/invitations', { method: 'POST', body });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.list }),
  });
}
