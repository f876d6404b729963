import type { Event } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { eventKeys } from './keys.ts';

export const eventPath = (id: string) => `/events/${encodeURIComponent(id)}`;

export const eventQueryOptions = (id: string, occurrence: string | null) =>
  queryOptions({
    queryKey: eventKeys.event(id, occurrence),
    queryFn: ({ signal }) => api<Event>(eventPath(id), { query: { occurrence }, signal }),
  });

/**
 * `GET /events/:id?occurrence=`. `initial` (the copy inside a feed post) shows at once without a request per card;
 * live invalidations and my own answers refresh it.
 */
export function useEvent(id: string, occurrence: string | null, initial?: Event) {
  return useQuery({ ...eventQueryOptions(id, occurrence), ...(initial ? { initialData: initial, initialDataUpdatedAt: Date.now(), staleTime: 60_000 } : {}) });
}
