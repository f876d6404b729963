import type { Message } from '@innenhof/contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { chatKeys } from './keys.ts';

export type MessagePage = { items: Message[]; nextCursor: string | null };

/** `GET /conversations/:id/messages`: newest first; the next page holds older messages. */
export const messagesQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: chatKeys.messages(id),
    queryFn: ({ pageParam, signal }) =>
      api<MessagePage>(`/conversations/${encodeURIComponent(id)}/messages`, { query: { cursor: pageParam, limit: 30 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useMessages(id: string) {
  return useInfiniteQuery(messagesQueryOptions(id));
}
