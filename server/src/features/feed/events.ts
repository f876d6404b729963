import type { StoredEvent } from '../../core/outbox.js';
import type { Realtime } from '../../core/realtime/index.js';

/**
 * Real-time for the feed: small invalidations only (`{id, type, subjectId}`, subjectId = the post); the
 * client refetches, so visibility is applied again. Group posts go to the group's room, the rest to every
 * employee (`org`) — guests only ever hear of their groups' posts.
 */
export function registerFeedRealtime(realtime: Realtime): void {
  const route = (e: StoredEvent) => {
    const groupId = typeof e.payload.groupId === 'string' ? e.payload.groupId : null;
    return { rooms: [groupId ? `group:${groupId}` : 'org'] };
  };
  for (const type of [
    'post.created',
    'post.updated',
    'post.deleted',
    'post.reacted',
    'post.confirmed',
    'announcement.reminded',
    'comment.created',
    'comment.updated',
    'comment.deleted',
  ]) {
    realtime.route(type, route);
  }
}
