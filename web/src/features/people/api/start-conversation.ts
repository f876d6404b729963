import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** `POST /conversations {userIds:[id]}`: the direct chat with this person (an existing one is reused). */
export function startConversation(userId: string) {
  return api<{ id: string }>('/conversations', { method: 'POST', body: { userIds: [userId] } });
}

export function useStartConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startConversation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['chat'] }),
  });
}
