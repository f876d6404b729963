import type { CreateEvent, Event, SetRsvp, UpdateEvent } from '@innenhof/contract';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { eventPath } from './get-event.ts';
import { eventKeys } from './keys.ts';

/** The answer goes into the cache at once; lists and participants refetch. */
function putEvent(queryClient: QueryClient, event: Event) {
  queryClient.setQueryData(eventKeys.event(event.id, event.occurrence), event);
  void queryClient.invalidateQueries({ queryKey: eventKeys.lists });
  void queryClient.invalidateQueries({ queryKey: ['events', 'participants', event.id] });
  // The event card inside the feed post shows counts too.
  void queryClient.invalidateQueries({ queryKey: ['events', 'event', event.id] });
}

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEvent) => api<Event>('/events', { method: 'POST', body: input }),
    onSuccess: (event) => putEvent(queryClient, event),
  });
}

export function useUpdateEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateEvent) => api<Event>(eventPath(id), { method: 'PATCH', body: input }),
    onSuccess: (event) => {
      putEvent(queryClient, event);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}

export function useDeleteEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(eventPath(id), { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['events', 'event', id] });
      void queryClient.invalidateQueries({ queryKey: eventKeys.lists });
    },
  });
}

/** Going / maybe / can't go (`PUT /events/:id/rsvp`); going on a full event joins the waiting list. */
export function useRsvp(id: string, occurrence: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: SetRsvp['status']) =>
      api<Event>(`${eventPath(id)}/rsvp`, { method: 'PUT', body: { status, ...(occurrence ? { occurrence } : {}) } satisfies SetRsvp }),
    onSuccess: (event) => putEvent(queryClient, event),
  });
}
