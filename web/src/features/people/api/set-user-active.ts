import type { UserProfile } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { userKeys } from './keys.ts';

/** `POST /users/:id/deactivate` or `/reactivate`. */
export function setUserActive(id: string, active: boolean) {
  return api<UserProfile | undefined>(`/users/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, {
    method: 'POST',
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => setUserActive(id, active),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
