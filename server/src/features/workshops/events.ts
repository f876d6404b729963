import type { Executor } from '../../core/db/index.js';
import type { StoredEvent } from '../../core/outbox.js';
import type { Realtime } from '../../core/realtime/index.js';
import * as repo from './repository.js';

/** The room of a session: its facilitator and participants. */
export const workshopRoom = (id: string | null) => `workshop:${id}`;

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Real-time for workshops. A room per session (the facilitator and the participants); stage messages travel
 * with the event (everyone in the room sees the stage anyway), state and clock changes too. A targeted inject
 * goes only to the user rooms of its role's people and the facilitator — never to the session's room. No
 * event ever carries a briefing, and escalation events carry no verdict.
 */
export function registerWorkshopRealtime(realtime: Realtime, db: Executor): void {
  realtime.addRooms(async (actor) => {
    if (actor.role === 'guest') return [];
    const since = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();
    return (await repo.liveSessionIdsOf(db, actor.id, since)).map(workshopRoom);
  });
  // Invited people (and the facilitator) join the room on every open connection, and hear of the new session.
  realtime.route('workshop.session_created', (e) => {
    const people = ids(e.payload.people);
    return { rooms: people.map((id) => `user:${id}`), join: people.map((userId) => ({ userId, room: workshopRoom(e.subjectId) })) };
  });
  for (const type of ['workshop.state', 'workshop.message', 'workshop.escalation']) {
    realtime.route(type, (e: StoredEvent) => ({ rooms: [workshopRoom(e.subjectId)], data: e.payload.data }));
  }
  realtime.route('workshop.inject', (e) => {
    const audience = e.payload.audience === undefined ? null : ids(e.payload.audience);
    return { rooms: audience ? audience.map((id) => `user:${id}`) : [workshopRoom(e.subjectId)], data: e.payload.data };
  });
  realtime.route('workshop.deleted', (e) => {
    const people = ids(e.payload.people);
    return { rooms: [workshopRoom(e.subjectId)], leave: people.map((userId) => ({ userId, room: workshopRoom(e.subjectId) })) };
  });
}
