import type { Executor } from '../../core/db/index.js';
import type { StoredEvent } from '../../core/outbox.js';
import type { Realtime } from '../../core/realtime/index.js';

const room = (id: string | null) => `conversation:${id}`;

/**
 * Real-time chat: members are in `conversation:<id>`; messages travel with the event itself (the
 * message as a non-author sees it), read receipts and typing too. Typing goes only to a conversation
 * the socket is in; anything malformed is ignored.
 */
export function registerChatRealtime(realtime: Realtime, db: Executor): void {
  realtime.addRooms(async (actor) => {
    const rows = await db.selectFrom('conversation_members').select('conversation_id').where('user_id', '=', actor.id).execute();
    return rows.map((r) => room(r.conversation_id));
  });
  for (const type of ['message.created', 'message.updated', 'message.deleted']) {
    realtime.route(type, (e) => ({ rooms: [room(e.subjectId)], data: e.payload.message }));
  }
  realtime.route('conversation.read', (e) => ({ rooms: [room(e.subjectId)], data: e.payload }));
  const userIds = (e: StoredEvent) => (Array.isArray(e.payload.userIds) ? e.payload.userIds.filter((x): x is string => typeof x === 'string') : []);
  realtime.route('conversation.updated', (e) => ({ rooms: [room(e.subjectId)] }));
  // Mute, marked unread: only the person's own tabs.
  realtime.route('conversation.personal', (e) => ({ rooms: typeof e.payload.userId === 'string' ? [`user:${e.payload.userId}`] : [] }));
  realtime.route('conversation.members_added', (e) => {
    const ids = userIds(e);
    return { rooms: [room(e.subjectId), ...ids.map((id) => `user:${id}`)], join: ids.map((userId) => ({ userId, room: room(e.subjectId) })) };
  });
  // Removed people hear that they were removed, then nothing more from the conversation, on every connection.
  realtime.route('conversation.members_removed', (e) => {
    const ids = userIds(e);
    return { rooms: [room(e.subjectId), ...ids.map((id) => `user:${id}`)], leave: ids.map((userId) => ({ userId, room: room(e.subjectId) })) };
  });
  realtime.route('conversation.created', (e) => {
    const ids = Array.isArray(e.payload.userIds) ? e.payload.userIds.filter((x): x is string => typeof x === 'string') : [];
    return { rooms: ids.map((id) => `user:${id}`), join: ids.map((userId) => ({ userId, room: room(e.subjectId) })) };
  });
  realtime.onSocket((socket, actor) => {
    let last = 0;
    socket.on('typing', (payload: unknown) => {
      const conversationId = (payload as { conversationId?: unknown } | null)?.conversationId;
      if (typeof conversationId !== 'string' || !socket.rooms.has(room(conversationId))) return;
      if (Date.now() - last < 1000) return;
      last = Date.now();
      socket.to(room(conversationId)).emit('typing', { conversationId, userId: actor.id });
    });
  });
}
