import type { StoredEvent } from '../../core/outbox.js';
import type { Realtime } from '../../core/realtime/index.js';

/**
 * Real-time for events: small invalidations (`{id, type, subjectId}`, subjectId = the event); open event
 * pages refetch, so visibility is applied again. Group events go to the group's room, company events to
 * every employee (`org`); invited-only events only to their organiser and invitees (user rooms, listed
 * in the payload) — never to anyone else, so nobody learns who answered.
 */
export function registerEventsRealtime(realtime: Realtime): void {
  const route = (e: StoredEvent) => {
    const groupId = typeof e.payload.groupId === 'string' ? e.payload.groupId : null;
    if (e.payload.audience === 'invited') {
      const people = Array.isArray(e.payload.people) ? (e.payload.people as string[]) : [];
      return { rooms: people.map((id) => `user:${id}`) };
    }
    // The event's post in the feed (group and company events) is refreshed on open feeds too.
    const postId = typeof e.payload.postId === 'string' ? e.payload.postId : null;
    return { rooms: [groupId ? `group:${groupId}` : 'org'], ...(postId ? { data: { postId } } : {}) };
  };
  for (const type of ['event.created', 'event.updated', 'event.cancelled', 'event.rsvp', 'event.promoted']) realtime.route(type, route);
}
