import type { Conversation, ConversationSettings, CreateConversation } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import type { Executor, Tx } from '../../core/db/index.js';
import { fieldError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { type Action, type Actor, authorize, can } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { groupBasics, groupForChat } from '../groups/service.js';
import * as users from '../users/repository.js';
import { userFacts } from '../users/service.js';
import './policy.js';
import { conversationFacts, presentConversations, presentMessages } from './presenter.js';
import * as repo from './repository.js';
import { createRoom } from './rooms.js';

export const NOT_FOUND = 'Conversation';

export interface Loaded {
  row: repo.ConversationRow;
  me: repo.MemberRow;
  readOnly: boolean;
}

/** A conversation the actor takes part in, or 404 exactly as for one that does not exist; then `action` is checked. */
export async function loadConversation(db: Executor, actor: Actor, id: string, action?: Action): Promise<Loaded> {
  // One query: the conversation and the actor's membership row.
  const found = await repo.findWithMembership(db, id, actor.id);
  const row = found?.row;
  const me = found?.me;
  const readOnly = row?.group_id ? ((await groupBasics(db, [row.group_id])).get(row.group_id)?.archived ?? false) : false;
  authorize(actor, 'conversation.read', row ? { id: row.id, member: Boolean(me) } : null, NOT_FOUND);
  const l = { row: row as repo.ConversationRow, me: me as repo.MemberRow, readOnly };
  if (action) authorize(actor, action as 'conversation.post', conversationFacts(actor, l.row, true, readOnly), NOT_FOUND);
  return l;
}

export async function listConversations(
  ctx: AppContext,
  actor: Actor,
  cursor: string | undefined,
  limit = 30,
): Promise<{ items: Conversation[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, 2);
  const rows = await repo.listFor(ctx.db.db, actor.id, after ? { at: String(after[0]), id: String(after[1]) } : undefined, limit);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await presentConversations(ctx.db.db, actor, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.last_message_at, last.id]) : null,
  };
}

export async function getConversation(ctx: AppContext, actor: Actor, id: string): Promise<Conversation> {
  const l = await loadConversation(ctx.db.db, actor, id);
  const [c] = await presentConversations(ctx.db.db, actor, [l.row], Limits.chatMembersMax);
  return c as Conversation;
}

/** Unread messages and conversations in total, muted ones left out (the badge in the top bar). */
export async function unreadTotal(ctx: AppContext, actor: Actor): Promise<{ messages: number; conversations: number }> {
  const [unread, mine] = await Promise.all([repo.unreadCounts(ctx.db.db, actor.id, null), repo.personal(ctx.db.db, actor.id)]);
  let messages = 0;
  let conversations = 0;
  for (const m of mine) {
    if (m.muted) continue;
    const n = unread.get(m.conversation_id)?.n ?? 0;
    messages += n;
    if (n > 0 || m.marked_unread) conversations += 1;
  }
  return { messages, conversations };
}

/**
 * The people may be in one chat: each is an active colleague the actor may see, and a guest only
 * chats with people of their own groups (checked from every guest's side, for every other member).
 */
async function assertChatMates(ctx: AppContext, actor: Actor, field: string, newIds: string[], existingIds: string[] = []): Promise<void> {
  const rows = await users.findByIds(ctx.db.db, [...newIds, ...existingIds, actor.id]);
  for (const [i, id] of newIds.entries()) {
    const row = rows.get(id);
    if (!row || row.status !== 'active' || !can(actor, 'user.read', await userFacts(ctx, actor, row))) throw fieldError(`${field}.${i}`, 'no such colleague');
  }
  const everyone = [...new Set([actor.id, ...existingIds, ...newIds])];
  for (const [i, id] of newIds.entries()) {
    const row = rows.get(id);
    if (!row) continue;
    const pairs = row.role === 'guest' ? everyone.filter((o) => o !== id) : everyone.filter((o) => rows.get(o)?.role === 'guest' && o !== id);
    for (const other of pairs) {
      const [viewer, seen] = row.role === 'guest' ? [row, rows.get(other)] : [rows.get(other), row];
      if (!viewer || !seen) continue;
      const guest: Actor = { id: viewer.id, role: viewer.role, status: viewer.status };
      if (!can(guest, 'user.read', await userFacts(ctx, guest, seen))) {
        throw fieldError(`${field}.${i}`, 'a guest chats only with people of their own groups');
      }
    }
  }
}

/** Start a chat. A direct chat (one colleague, no title) is reused: `created` tells whether it is new. */
export async function createConversation(ctx: AppContext, actor: Actor, input: CreateConversation): Promise<{ conversation: Conversation; created: boolean }> {
  const others = [...new Set(input.userIds)].filter((id) => id !== actor.id);
  if (others.length === 0) throw fieldError('userIds', 'name at least one colleague besides yourself');
  if (others.length + 1 > Limits.chatMembersMax) throw fieldError('userIds', `at most ${Limits.chatMembersMax} people in a chat`);
  await assertChatMates(ctx, actor, 'userIds', others);
  const direct = others.length === 1 && !input.title;
  const directKey = direct ? [actor.id, others[0]].sort().join(':') : null;
  if (directKey) {
    const existing = await ctx.db.db.selectFrom('conversations').select('id').where('direct_key', '=', directKey).executeTakeFirst();
    if (existing) return { conversation: await getConversation(ctx, actor, existing.id), created: false };
  }
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const t = now();
    await tx.db
      .insertInto('conversations')
      .values({
        id,
        kind: direct ? 'direct' : 'group',
        title: input.title?.trim() ?? null,
        direct_key: directKey,
        created_by: actor.id,
        group_id: null,
        photo_id: null,
        last_message_at: t,
        created_at: t,
      })
      .execute();
    await tx.db
      .insertInto('conversation_members')
      .values(
        [actor.id, ...others].map((userId) => ({ conversation_id: id, user_id: userId, last_read_message_id: null, joined_at: t, muted: 0, marked_unread: 0 })),
      )
      .execute();
    await appendEvent(tx, { type: 'conversation.created', actorId: actor.id, subjectId: id, payload: { userIds: [actor.id, ...others] } }, ctx.outbox);
  });
  return { conversation: await getConversation(ctx, actor, id), created: true };
}

/** Writes a system line ("Anna added Ben") as a message of the actor; it counts as activity, not as unread. */
async function systemLine(ctx: AppContext, tx: Tx, actor: Actor, conversationId: string, note: { action: string; userIds: string[]; title: string | null }) {
  const row: repo.MessageRow = {
    id: newId(),
    conversation_id: conversationId,
    author_id: actor.id,
    client_id: `sys-${newId()}`,
    body: '',
    reply_to_id: null,
    created_at: now(),
    edited_at: null,
    deleted_at: null,
    mentions: null,
    system: JSON.stringify(note),
  };
  await tx.db.insertInto('messages').values(row).execute();
  await tx.db.updateTable('conversations').set({ last_message_at: row.created_at }).where('id', '=', conversationId).execute();
  const [pushed] = await presentMessages(tx.db, null, [row]);
  await appendEvent(tx, { type: 'message.created', actorId: actor.id, subjectId: conversationId, payload: { message: pushed } }, ctx.outbox);
}

export async function renameConversation(ctx: AppContext, actor: Actor, id: string, title: string): Promise<Conversation> {
  const l = await loadConversation(ctx.db.db, actor, id, 'conversation.rename');
  const next = title.trim();
  if (next !== l.row.title) {
    await ctx.db.transaction(async (tx) => {
      await tx.db.updateTable('conversations').set({ title: next }).where('id', '=', l.row.id).execute();
      await appendEvent(tx, { type: 'conversation.updated', actorId: actor.id, subjectId: l.row.id }, ctx.outbox);
      await systemLine(ctx, tx, actor, l.row.id, { action: 'renamed', userIds: [], title: next });
    });
  }
  return getConversation(ctx, actor, l.row.id);
}

export async function setPhoto(ctx: AppContext, actor: Actor, id: string, data: Buffer): Promise<Conversation> {
  const l = await loadConversation(ctx.db.db, actor, id, 'conversation.set_photo');
  const stored = await ctx.storage.saveImage(ctx.db.db, data, 'chat', actor.id);
  await ctx.db.transaction(async (tx) => {
    await tx.db.updateTable('conversations').set({ photo_id: stored.id }).where('id', '=', l.row.id).execute();
    await appendEvent(tx, { type: 'conversation.updated', actorId: actor.id, subjectId: l.row.id }, ctx.outbox);
    await systemLine(ctx, tx, actor, l.row.id, { action: 'photo', userIds: [], title: null });
  });
  if (l.row.photo_id) await ctx.storage.remove(ctx.db.db, l.row.photo_id).catch(() => undefined);
  return getConversation(ctx, actor, l.row.id);
}

export async function addMembers(ctx: AppContext, actor: Actor, id: string, userIds: string[]): Promise<Conversation> {
  const l = await loadConversation(ctx.db.db, actor, id, 'conversation.add_members');
  const current = await repo.memberIds(ctx.db.db, l.row.id);
  const fresh = [...new Set(userIds)].filter((u) => !current.includes(u));
  if (fresh.length === 0) return getConversation(ctx, actor, l.row.id);
  if (current.length + fresh.length > Limits.chatMembersMax) throw fieldError('userIds', `at most ${Limits.chatMembersMax} people in a chat`);
  await assertChatMates(ctx, actor, 'userIds', fresh, current);
  await ctx.db.transaction(async (tx) => {
    const t = now();
    await tx.db
      .insertInto('conversation_members')
      .values(fresh.map((userId) => ({ conversation_id: l.row.id, user_id: userId, last_read_message_id: null, joined_at: t, muted: 0, marked_unread: 0 })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await appendEvent(tx, { type: 'conversation.members_added', actorId: actor.id, subjectId: l.row.id, payload: { userIds: fresh } }, ctx.outbox);
    await systemLine(ctx, tx, actor, l.row.id, { action: 'added', userIds: fresh, title: null });
  });
  return getConversation(ctx, actor, l.row.id);
}

/** Leave a group chat, or (its creator) remove someone. The person stops receiving its messages at once. */
export async function removeMember(ctx: AppContext, actor: Actor, id: string, userId: string): Promise<void> {
  const self = userId === actor.id;
  const l = await loadConversation(ctx.db.db, actor, id, self ? 'conversation.leave' : 'conversation.remove_members');
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db.deleteFrom('conversation_members').where('conversation_id', '=', l.row.id).where('user_id', '=', userId).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw fieldError('userId', 'not in this chat');
    // The line first, so the person removed still sees why; the removal event then takes them out of the room.
    await systemLine(ctx, tx, actor, l.row.id, { action: self ? 'left' : 'removed', userIds: [userId], title: null });
    await appendEvent(tx, { type: 'conversation.members_removed', actorId: actor.id, subjectId: l.row.id, payload: { userIds: [userId] } }, ctx.outbox);
  });
}

/** My own settings: mute, mark as unread. Other tabs of mine hear it. */
export async function updateSettings(ctx: AppContext, actor: Actor, id: string, input: ConversationSettings): Promise<Conversation> {
  const l = await loadConversation(ctx.db.db, actor, id);
  await ctx.db.transaction(async (tx) => {
    await tx.db
      .updateTable('conversation_members')
      .set({
        ...(input.muted !== undefined ? { muted: input.muted ? 1 : 0 } : {}),
        ...(input.markedUnread !== undefined ? { marked_unread: input.markedUnread ? 1 : 0 } : {}),
      })
      .where('conversation_id', '=', l.row.id)
      .where('user_id', '=', actor.id)
      .execute();
    await appendEvent(tx, { type: 'conversation.personal', actorId: actor.id, subjectId: l.row.id, payload: { userId: actor.id } }, ctx.outbox);
  });
  return getConversation(ctx, actor, l.row.id);
}

/** Switches on a workgroup's chat room (whoever may edit the group); idempotent. */
export async function enableRoom(ctx: AppContext, actor: Actor, groupId: string): Promise<{ id: string; created: boolean }> {
  const group = await groupForChat(ctx, actor, groupId);
  let created = false;
  const id = await ctx.db.transaction(async (tx) => {
    const existing = await repo.roomOf(tx.db, group.id);
    if (existing) return existing.id;
    created = true;
    return createRoom(tx, group, actor.id, ctx.outbox);
  });
  return { id, created };
}
