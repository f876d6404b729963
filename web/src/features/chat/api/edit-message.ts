import type { Message } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { upsertMessage } from './cache.ts';

/** `PATCH /conversations/:id/messages/:messageId` (own messages). */
export function editMessage({ conversationId, messageId, body }: { conversationId: string; messageId: string; body: string }) {
  return api<Message>(`/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}`, { method: 'PATCH', body: { body } });
}

export function useEditMessage() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: editMessage, onSuccess: (message) => upsertMessage(queryClient, message) });
}
