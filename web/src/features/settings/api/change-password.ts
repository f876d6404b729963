import type { ChangePassword } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys as sessionQueryKeys } from '../../../lib/session.ts';
import { sessionListKey } from './list-sessions.ts';

export function changePassword(body: ChangePassword) {
  return api<unknown>('/me/password', { method: 'POST', body });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: sessionListKey }), queryClient.invalidateQueries({ queryKey: sessionQueryKeys.me })]),
  });
}
