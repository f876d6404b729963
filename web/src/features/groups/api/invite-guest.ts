import type { Locale } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

export interface InviteGuestResult {
  invitation: { id: string; email: string } | null;
  /** The address already had a guest account: added to the group at once. */
  addedExisting: boolean;
}

/** `POST /groups/:id/guests {email, locale?}`: the guest gets an e-mail with a link. */
export function inviteGuest(id: string, email: string, locale?: Locale) {
  return api<InviteGuestResult>(`/groups/${encodeURIComponent(id)}/guests`, { method: 'POST', body: { email, ...(locale ? { locale } : {}) } });
}

export function useInviteGuest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, locale }: { email: string; locale?: Locale }) => inviteGuest(id, email, locale),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.all, refetchType: 'active' }),
  });
}
