import type { Conversation, CreateConversation } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { chatKeys } from './keys.ts';

/** `POST /conversations`: a direct chat with one colleague (no title) is reused. */
export function createConversation(body: CreateConversation) {
  return api<Conversation>('/conversations', { method: 'POST', body });
}

export function useCreateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConversation,
    onSuccess: (conversation) => {
      queryClient.setQueryData(chatKeys.conversation(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
    },
  });
}
