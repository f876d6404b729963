import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { chatKeys } from './keys.ts';

/** `POST /conversations/:id/read`: everything up to this message is read. */
export function markRead({ conversationId, messageId }: { conversationId: string; messageId: string }) {
  return api<void>(`/conversations/${encodeURIComponent(conversationId)}/read`, { method: 'POST', body: { messageId } });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: (_, { conversationId }) => {
      void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
      void queryClient.invalidateQueries({ queryKey: chatKeys.conversation(conversationId) });
    },
  });
}
