import type { Message, SendMessage } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { upsertMessage } from './cache.ts';
import { chatKeys } from './keys.ts';

/** `POST /conversations/:id/messages`: the same clientId again returns the same message (safe retry). */
export function sendMessage({ conversationId, ...body }: SendMessage & { conversationId: string }) {
  return api<Message>(`/conversations/${encodeURIComponent(conversationId)}/messages`, { method: 'POST', body });
}

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendMessage,
    onSuccess: (message) => {
      upsertMessage(queryClient, message);
      void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
    },
  });
}
