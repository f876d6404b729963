import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endSession } from '../../../lib/session.ts';

export function logout(everywhere = false) {
  return api<unknown>('/auth/logout', { method: 'POST', body: everywhere ? { everywhere: true } : {} });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean = false) => logout(everywhere),
    onSettled: () => endSession(queryClient),
  });
}
