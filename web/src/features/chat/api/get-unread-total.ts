import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** `GET /conversations/unread` (Static<typeof UnreadTotal> in the contract). */
export interface UnreadTotal {
  /** Unread messages in conversations that are not muted. */
  messages: number;
  /** Conversations with unread messages or marked unread (not muted). */
  conversations: number;
}

/**
 * Under `chat`, so every message and conversation event (message.created, conversation.read,
 * conversation.personal …) refreshes it through the live-update invalidation.
 */
export const unreadTotalQueryOptions = queryOptions({
  queryKey: ['chat', 'unread-total'] as const,
  queryFn: ({ signal }) => api<UnreadTotal>('/conversations/unread', { signal }),
  staleTime: 30_000,
});

/** Unread messages over all conversations, muted ones left out (top-bar badge, navigation, document title). */
export function useUnreadTotal(): number {
  const { data } = useQuery({ ...unreadTotalQueryOptions, retry: false });
  return data?.messages ?? 0;
}
