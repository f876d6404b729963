import type { Conversation } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { chatKeys } from './keys.ts';

export type ConversationPage = { items: Conversation[]; nextCursor: string | null };

/** `GET /conversations`: most recent activity first (the first page is enough for the list and the unread total). */
export const conversationsQueryOptions = queryOptions({
  queryKey: chatKeys.conversations,
  queryFn: ({ signal }) => api<ConversationPage>('/conversations', { query: { limit: 50 }, signal }),
  staleTime: 30_000,
});

export function useConversations() {
  return useQuery(conversationsQueryOptions);
}

/** Unread messages over all conversations (navigation badge, document title). */
export function useUnreadTotal(): number {
  const { data } = useQuery({ ...conversationsQueryOptions, retry: false });
  return (data?.items ?? []).reduce((sum, c) => sum + Math.max(c.unreadCount, 0), 0);
}
