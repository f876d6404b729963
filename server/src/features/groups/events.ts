import type { Executor } from '../../core/db/index.js';
import type { StoredEvent } from '../../core/outbox.js';
import type { Realtime } from '../../core/realtime/index.js';

const groupRoom = (id: string | null) => `group:${id}`;
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * Real-time for groups: members are in `group:<id>`; joining and leaving move every open connection of
 * the person in or out at once (on every instance, through the adapter).
 */
export function registerGroupRealtime(realtime: Realtime, db: Executor): void {
  realtime.addRooms(async (actor) => {
    const rows = await db.selectFrom('group_members').select('group_id').where('user_id', '=', actor.id).execute();
    return rows.map((r) => groupRoom(r.group_id));
  });

  const toGroup = (e: StoredEvent) => ({ rooms: [groupRoom(e.subjectId)] });
  for (const type of [
    'group.updated',
    'group.archived',
    'group.unarchived',
    'group.ownership_transferred',
    'group.join_requested',
    'group.request_declined',
    'member.role_changed',
  ]) {
    realtime.route(type, toGroup);
  }

  realtime.route('member.joined', (e) => {
    const userId = str(e.payload.userId);
    // The newcomer hears it through their own room too: with the Redis adapter the room change is applied
    // asynchronously on every instance (within milliseconds), after this event may already be on its way.
    return { rooms: [groupRoom(e.subjectId), ...(userId ? [`user:${userId}`] : [])], join: userId ? [{ userId, room: groupRoom(e.subjectId) }] : [] };
  });
  for (const type of ['member.left', 'member.removed']) {
    realtime.route(type, (e) => {
      const userId = str(e.payload.userId);
      return {
        rooms: [groupRoom(e.subjectId), ...(userId ? [`user:${userId}`] : [])],
        leave: userId ? [{ userId, room: groupRoom(e.subjectId) }] : [],
      };
    });
  }
  realtime.route('group.request_approved', (e) => {
    const userId = str(e.payload.userId);
    return { rooms: [groupRoom(e.subjectId), ...(userId ? [`user:${userId}`] : [])] };
  });
  realtime.route('group.members_invited', (e) => {
    const ids = Array.isArray(e.payload.userIds) ? e.payload.userIds.filter((x): x is string => typeof x === 'string') : [];
    return { rooms: [groupRoom(e.subjectId), ...ids.map((id) => `user:${id}`)] };
  });
  realtime.route('group.deleted', (e) => ({ rooms: [groupRoom(e.subjectId)] }));
}
