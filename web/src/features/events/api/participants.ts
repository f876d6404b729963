import type { Participant, RsvpStatus } from '@innenhof/contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { eventPath } from './get-event.ts';
import { eventKeys } from './keys.ts';

/** `GET /events/:id/participants?status=`: one tab of the participants list (the waiting list in order). */
export function useParticipants(id: string, occurrence: string | null, status: RsvpStatus, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: eventKeys.participants(id, occurrence, status),
    queryFn: ({ pageParam, signal }) =>
      api<{ items: Participant[]; nextCursor: string | null }>(`${eventPath(id)}/participants`, {
        query: { occurrence, status, cursor: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
