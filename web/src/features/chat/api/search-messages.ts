import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { chatKeys } from './keys.ts';
import type { MessagePage } from './list-messages.ts';

/** `GET /conversations/:id/messages?q=`: messages containing the text, newest first. */
export const searchMessagesQueryOptions = (id: string, q: string) =>
  infiniteQueryOptions({
    queryKey: [...chatKeys.messages(id), 'search', q] as const,
    queryFn: ({ pageParam, signal }) =>
      api<MessagePage>(`/conversations/${encodeURIComponent(id)}/messages`, { query: { q, cursor: pageParam, limit: 20 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: q.trim().length > 0,
  });

export function useSearchMessages(id: string, q: string) {
  return useInfiniteQuery(searchMessagesQueryOptions(id, q));
}
