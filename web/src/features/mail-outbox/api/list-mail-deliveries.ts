import type { MailDelivery, MailDeliveryStatus } from '@innenhof/contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { outboxKey } from './list-outbox-mail.ts';

export type { MailDelivery, MailDeliveryStatus } from '@innenhof/contract';

/** The filter: every delivery, or those of one status. */
export type DeliveryFilter = 'all' | MailDeliveryStatus;
export const deliveryFilters = ['all', 'pending', 'sent', 'failed'] as const satisfies readonly DeliveryFilter[];

export const deliveriesKey = [...outboxKey, 'deliveries'] as const;

export function deliveriesQueryOptions(filter: DeliveryFilter) {
  return infiniteQueryOptions({
    queryKey: [...deliveriesKey, filter],
    queryFn: ({ pageParam, signal }) =>
      api<{ items: MailDelivery[]; nextCursor: string | null }>('/admin/mail/deliveries', {
        query: { status: filter === 'all' ? undefined : filter, cursor: pageParam, limit: 30 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 5_000,
    // While some mail is still waiting, look again now and then: its attempts and error change on their own.
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 15_000 : false),
  });
}

export function useMailDeliveries(filter: DeliveryFilter) {
  return useInfiniteQuery(deliveriesQueryOptions(filter));
}
