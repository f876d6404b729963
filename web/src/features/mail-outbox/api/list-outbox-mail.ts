import type { MailMessage } from '@innenhof/contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export const outboxKey = ['admin', 'mail'] as const;

export const outboxQueryOptions = infiniteQueryOptions({
  queryKey: outboxKey,
  queryFn: ({ pageParam, signal }) =>
    api<{ items: MailMessage[]; nextCursor: string | null }>('/admin/mail', {
      query: { cursor: pageParam, limit: 30 },
      signal,
    }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
  staleTime: 5_000,
});

export function useOutboxMail() {
  return useInfiniteQuery(outboxQueryOptions);
}
