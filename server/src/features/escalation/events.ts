import type { StoredEvent } from '../../core/outbox.js';
import type { Realtime } from '../../core/realtime/index.js';

/**
 * Real-time invalidations (`{id, type, subjectId}`): an escalation's changes go to the raiser and everyone
 * in its chain (user rooms, listed in the payload) — nobody else learns of it. Directory changes (topics,
 * holidays) go to every employee (`org`), so open directory pages refetch.
 */
export function registerEscalationRealtime(realtime: Realtime): void {
  const toPeople = (e: StoredEvent) => {
    const people = Array.isArray(e.payload.people) ? (e.payload.people as string[]) : [];
    return { rooms: people.map((id) => `user:${id}`) };
  };
  for (const type of ['escalation.raised', 'escalation.escalated', 'escalation.acknowledged']) realtime.route(type, toPeople);
  realtime.route('escalation_topic.changed', () => ({ rooms: ['org'] }));
}
