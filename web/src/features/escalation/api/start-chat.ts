import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** `POST /conversations {userIds:[id]}`: the direct chat with the contact (an existing one is reused). */
export function useStartChat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<{ id: string }>('/conversations', { method: 'POST', body: { userIds: [userId] } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['chat'] }),
  });
}
