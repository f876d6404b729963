import type { Executor, Tx } from '../../core/db/index.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent, type OutboxDispatcher } from '../../core/outbox.js';

/**
 * Workgroup chat rooms: one conversation per group (kind `room`) whose members are the group's members.
 * The groups feature calls `syncRoomMember` in the same transaction as every membership change, so a
 * person removed from a group leaves its room at once (the room's member event is delivered before any
 * later message: the outbox keeps order).
 */

export async function roomIdOf(db: Executor, groupId: string): Promise<string | null> {
  const row = await db.selectFrom('conversations').select('id').where('group_id', '=', groupId).executeTakeFirst();
  return row?.id ?? null;
}

export async function syncRoomMember(
  tx: Tx,
  groupId: string,
  userId: string,
  change: 'joined' | 'left',
  actorId: string,
  outbox?: OutboxDispatcher,
): Promise<void> {
  const roomId = await roomIdOf(tx.db, groupId);
  if (!roomId) return;
  if (change === 'joined') {
    await tx.db
      .insertInto('conversation_members')
      .values({ conversation_id: roomId, user_id: userId, last_read_message_id: null, joined_at: now(), muted: 0, marked_unread: 0 })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await appendEvent(tx, { type: 'conversation.members_added', actorId, subjectId: roomId, payload: { userIds: [userId] } }, outbox);
  } else {
    await tx.db.deleteFrom('conversation_members').where('conversation_id', '=', roomId).where('user_id', '=', userId).execute();
    await appendEvent(tx, { type: 'conversation.members_removed', actorId, subjectId: roomId, payload: { userIds: [userId] } }, outbox);
  }
}

/** Creates the group's room with every current member (idempotent: returns the existing one). */
export async function createRoom(tx: Tx, group: { id: string; memberIds: string[] }, actorId: string, outbox?: OutboxDispatcher): Promise<string> {
  const existing = await roomIdOf(tx.db, group.id);
  if (existing) return existing;
  const id = newId();
  const t = now();
  await tx.db
    .insertInto('conversations')
    .values({ id, kind: 'room', title: null, direct_key: null, created_by: actorId, group_id: group.id, photo_id: null, last_message_at: t, created_at: t })
    .execute();
  if (group.memberIds.length > 0) {
    // Chunks keep the statement under the databases' parameter limits for big groups.
    for (let i = 0; i < group.memberIds.length; i += 500) {
      await tx.db
        .insertInto('conversation_members')
        .values(
          group.memberIds
            .slice(i, i + 500)
            .map((userId) => ({ conversation_id: id, user_id: userId, last_read_message_id: null, joined_at: t, muted: 0, marked_unread: 0 })),
        )
        .execute();
    }
  }
  await appendEvent(tx, { type: 'conversation.created', actorId, subjectId: id, payload: { userIds: group.memberIds, groupId: group.id } }, outbox);
  return id;
}
