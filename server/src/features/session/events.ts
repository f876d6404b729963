import type { Realtime } from '../../core/realtime/index.js';

/** Logging out closes that session's real-time connections; "everywhere" closes all of the user's. */
export function registerSessionRealtime(realtime: Realtime): void {
  realtime.route('session.ended', (e) => {
    const ids = Array.isArray(e.payload.sessionIds) ? e.payload.sessionIds.filter((x): x is string => typeof x === 'string') : [];
    const everywhere = e.payload.everywhere === true;
    return { rooms: [], disconnect: everywhere ? [`user:${e.subjectId}`] : ids.map((id) => `session:${id}`) };
  });
}
