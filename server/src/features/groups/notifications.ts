import { notifyOn } from '../notifications/registry.js';

/** What groups notify about: invitations, join requests (to owners and moderators), approved requests. */

notifyOn('group.members_invited', async (db, event) => {
  const groupId = event.subjectId;
  const invited = Array.isArray(event.payload.userIds) ? event.payload.userIds.filter((x): x is string => typeof x === 'string') : [];
  if (!groupId || invited.length === 0) return [];
  // Only invitations still open (someone who had asked to join was let in directly instead).
  const open = await db
    .selectFrom('group_requests')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('kind', '=', 'invitation')
    .where('user_id', 'in', invited)
    .execute();
  return open.map((r) => ({
    userId: r.user_id,
    type: 'group_invitation' as const,
    groupKey: `group_invitation:${groupId}`,
    groupId,
    target: { kind: 'group' as const, id: groupId },
  }));
});

notifyOn('group.join_requested', async (db, event) => {
  const groupId = event.subjectId;
  if (!groupId) return [];
  const managers = await db.selectFrom('group_members').select('user_id').where('group_id', '=', groupId).where('role', 'in', ['owner', 'moderator']).execute();
  return managers.map((m) => ({
    userId: m.user_id,
    type: 'join_request' as const,
    groupKey: `join_request:${groupId}`,
    groupId,
    target: { kind: 'group' as const, id: groupId },
  }));
});

notifyOn('member.joined', async (db, event) => {
  const groupId = event.subjectId;
  const userId = typeof event.payload.userId === 'string' ? event.payload.userId : null;
  // Joining by oneself (open group, accepted invitation) tells nobody; being let in does.
  if (!groupId || !userId || userId === event.actorId) return [];
  const still = await db.selectFrom('group_members').select('user_id').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
  if (!still) return [];
  return [{ userId, type: 'join_approved' as const, groupKey: `join_approved:${groupId}`, groupId, target: { kind: 'group' as const, id: groupId } }];
});

/** Loaded for its declarations. */
export const groupNotifications = true;
