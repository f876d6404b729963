import type { Event } from '@innenhof/contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type EventListFilter, eventKeys } from './keys.ts';

export interface EventPage {
  items: Event[];
  nextCursor: string | null;
}

function queryFor(filter: EventListFilter): Record<string, string | boolean | undefined> {
  switch (filter.kind) {
    case 'upcoming':
      return {};
    case 'mine':
      return { mine: true };
    case 'user':
      return { userId: filter.userId };
    case 'range':
      return { from: filter.from, to: filter.to };
  }
}

/** `GET /events`: occurrences soonest first, a page at a time. */
export function useEventList(filter: EventListFilter, limit = 20) {
  return useInfiniteQuery({
    queryKey: eventKeys.list(filter, limit),
    queryFn: ({ pageParam, signal }) => api<EventPage>('/events', { query: { ...queryFor(filter), cursor: pageParam, limit }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The first few upcoming events (right column, profile). */
export function useNextEvents(filter: EventListFilter, limit: number) {
  return useQuery({
    queryKey: eventKeys.list(filter, limit),
    queryFn: ({ signal }) => api<EventPage>('/events', { query: { ...queryFor(filter), limit }, signal }),
  });
}
