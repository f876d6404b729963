import type { Conversation } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { chatKeys } from './keys.ts';

export type ConversationPage = { items: Conversation[]; nextCursor: string | null };

/** `GET /conversations`: most recent activity first (the unread total has its own endpoint: `get-unread-total.ts`). */
export const conversationsQueryOptions = queryOptions({
  queryKey: chatKeys.conversations,
  queryFn: ({ signal }) => api<ConversationPage>('/conversations', { query: { limit: 50 }, signal }),
  staleTime: 30_000,
});

export function useConversations() {
  return useQuery(conversationsQueryOptions);
}
