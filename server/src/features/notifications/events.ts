import type { Realtime } from '../../core/realtime/index.js';

/** Live bell: `notifications.changed` (an invalidation, no content) to the person's own room. */
export function registerNotificationRealtime(realtime: Realtime): void {
  realtime.route('notifications.changed', (e) => {
    const userId = typeof e.payload.userId === 'string' ? e.payload.userId : null;
    return { rooms: userId ? [`user:${userId}`] : [] };
  });
}
