import type { Conversation } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { chatKeys } from './keys.ts';

/** `GET /conversations/:id` (404 when you are not in it). */
export const conversationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: chatKeys.conversation(id),
    queryFn: ({ signal }) => api<Conversation>(`/conversations/${encodeURIComponent(id)}`, { signal }),
  });

export function useConversation(id: string) {
  return useQuery(conversationQueryOptions(id));
}
