/** Which list of events: upcoming (everything I can see), mine, a colleague's, or a range (the month calendar). */
export type EventListFilter = { kind: 'upcoming' } | { kind: 'mine' } | { kind: 'user'; userId: string } | { kind: 'range'; from: string; to: string };

/** Query keys of the events feature; everything starts with `events`, so one live invalidation refreshes it all. */
export const eventKeys = {
  all: ['events'] as const,
  lists: ['events', 'list'] as const,
  list: (filter: EventListFilter, limit: number) => ['events', 'list', filter, limit] as const,
  event: (id: string, occurrence: string | null) => ['events', 'event', id, occurrence] as const,
  participants: (id: string, occurrence: string | null, status: string) => ['events', 'participants', id, occurrence, status] as const,
  calendarFeed: ['events', 'calendar-feed'] as const,
};
