import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endSession } from '../../../lib/session.ts';

export function logoutEverywhere() {
  return api<unknown>('/auth/logout', { method: 'POST', body: { everywhere: true } });
}

export function useLogoutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logoutEverywhere,
    onSuccess: () => endSession(queryClient),
  });
}
