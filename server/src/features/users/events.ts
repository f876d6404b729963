import { presenceRoom, type Realtime } from '../../core/realtime/index.js';
import type { AppContext } from '../../context.js';
import { presenceOf } from './service.js';

/** Real-time for people: profile changes reach colleagues; deactivation closes every connection at once. */
/** Most people a tab may watch at once (the online list, open chats, a group's members page). */
const WATCH_MAX = 500;

export function registerUserRealtime(realtime: Realtime, ctx: AppContext): void {
  /**
   * Presence goes only to those who show the person: a tab sends `presence:watch` with the user ids on
   * screen (replacing its earlier list) and gets their current status back; afterwards it hears each
   * change. People it may not see are left out. (A broadcast to every employee would cost N² messages
   * when a whole company connects after a restart.)
   */
  realtime.onSocket((socket, actor) => {
    socket.on('presence:watch', (ids: unknown, ack: unknown) => {
      const wanted = Array.isArray(ids) ? [...new Set(ids.filter((x): x is string => typeof x === 'string' && x.length < 64))].slice(0, WATCH_MAX) : [];
      presenceOf(ctx, actor, wanted).then(
        (visible) => {
          const next = new Set(visible.map((p) => presenceRoom(p.userId)));
          for (const room of socket.rooms) if (room.startsWith('presence:') && !next.has(room)) void socket.leave(room);
          void socket.join([...next]);
          if (typeof ack === 'function') ack(visible);
        },
        () => {
          if (typeof ack === 'function') ack([]);
        },
      );
    });
  });
  realtime.route('user.updated', (e) => ({ rooms: ['org', `user:${e.subjectId}`] }));
  realtime.route('user.reactivated', () => ({ rooms: ['org'] }));
  realtime.route('user.deactivated', (e) => ({ rooms: ['org'], disconnect: [`user:${e.subjectId}`] }));
}
