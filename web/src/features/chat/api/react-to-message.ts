import type { Message } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { upsertMessage } from './cache.ts';

/** `PUT …/messages/:messageId/reaction` `{emoji}` (one per person: replaces mine) or `DELETE` with `emoji: null`. */
export function reactToMessage({ conversationId, messageId, emoji }: { conversationId: string; messageId: string; emoji: string | null }) {
  const path = `/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/reaction`;
  return emoji ? api<Message>(path, { method: 'PUT', body: { emoji } }) : api<Message>(path, { method: 'DELETE' });
}

export function useReactToMessage() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reactToMessage, onSuccess: (message) => upsertMessage(queryClient, message) });
}
