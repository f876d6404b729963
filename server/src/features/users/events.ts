import type { Realtime } from '../../core/realtime/index.js';

/** Real-time for people: profile changes reach colleagues; deactivation closes every connection at once. */
export function registerUserRealtime(realtime: Realtime): void {
  realtime.route('user.updated', (e) => ({ rooms: ['org', `user:${e.subjectId}`] }));
  realtime.route('user.reactivated', () => ({ rooms: ['org'] }));
  realtime.route('user.deactivated', (e) => ({ rooms: ['org'], disconnect: [`user:${e.subjectId}`] }));
}
