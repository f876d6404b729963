import type { Conversation, CreateConversation, Message, SendMessage } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import { AppError, fieldError, NotFoundError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { type Actor, authorize, can } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import { userFacts } from '../users/service.js';
import './policy.js';
import * as repo from './repository.js';

const NOT_FOUND = 'Conversation';

/** A conversation the actor takes part in, or 404 exactly as for one that does not exist. */
async function memberConversation(db: Executor, actor: Actor, id: string): Promise<repo.ConversationRow> {
  const row = await repo.findConversation(db, id);
  const member = row ? await repo.isMember(db, row.id, actor.id) : false;
  authorize(actor, 'conversation.read', row ? { id: row.id, member } : null, NOT_FOUND);
  return row as repo.ConversationRow;
}

/**
 * Messages as the API shows them. `viewer` decides the abilities (only authors edit and delete);
 * real-time pushes present for a non-author, and the author's own client keeps its copy.
 */
export async function presentMessages(db: Executor, viewer: Actor | null, rows: repo.MessageRow[]): Promise<Message[]> {
  const replies = await repo.messagesByIds(
    db,
    rows.map((r) => r.reply_to_id).filter((x): x is string => Boolean(x)),
  );
  const people = await users.findByIds(
    db,
    [...rows.map((r) => r.author_id), ...[...replies.values()].map((r) => r.author_id)].filter((x): x is string => Boolean(x)),
  );
  return rows.map((r) => {
    const author = r.author_id ? people.get(r.author_id) : undefined;
    const reply = r.reply_to_id ? replies.get(r.reply_to_id) : undefined;
    const facts = { authorId: r.author_id, deleted: r.deleted_at !== null, member: true };
    return {
      id: r.id,
      conversationId: r.conversation_id,
      clientId: r.client_id,
      author: author ? presentSummary(author) : null,
      body: r.deleted_at ? '' : r.body,
      replyTo: reply
        ? {
            id: reply.id,
            authorName: reply.author_id ? (people.get(reply.author_id)?.name ?? null) : null,
            excerpt: reply.deleted_at ? '' : reply.body.slice(0, 120),
          }
        : null,
      createdAt: r.created_at,
      editedAt: r.edited_at,
      deletedAt: r.deleted_at,
      abilities: { edit: viewer ? can(viewer, 'message.edit', facts) : false, delete: viewer ? can(viewer, 'message.delete', facts) : false },
    };
  });
}

async function presentConversations(ctx: AppContext, actor: Actor, rows: repo.ConversationRow[]): Promise<Conversation[]> {
  const ids = rows.map((r) => r.id);
  const db = ctx.db.db;
  const [members, last, unread] = await Promise.all([repo.membersOf(db, ids), repo.lastMessages(db, ids), repo.unreadCounts(db, actor.id, ids)]);
  const people = await users.findByIds(
    db,
    members.map((m) => m.user_id),
  );
  const lastPresented = new Map((await presentMessages(db, actor, [...last.values()])).map((m) => [m.conversationId, m]));
  return rows.map((r) => {
    const mine = members.filter((m) => m.conversation_id === r.id);
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      members: mine.flatMap((m) => {
        const u = people.get(m.user_id);
        return u ? [presentSummary(u)] : [];
      }),
      lastMessage: lastPresented.get(r.id) ?? null,
      unreadCount: unread.get(r.id) ?? 0,
      readUpTo: mine.map((m) => ({ userId: m.user_id, messageId: m.last_read_message_id })),
      updatedAt: r.last_message_at,
    };
  });
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
    items: await presentConversations(ctx, actor, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.last_message_at, last.id]) : null,
  };
}

export async function getConversation(ctx: AppContext, actor: Actor, id: string): Promise<Conversation> {
  const row = await memberConversation(ctx.db.db, actor, id);
  const [c] = await presentConversations(ctx, actor, [row]);
  return c as Conversation;
}

/** Start a chat. A direct chat (one colleague, no title) is reused: `created` tells whether it is new. */
export async function createConversation(ctx: AppContext, actor: Actor, input: CreateConversation): Promise<{ conversation: Conversation; created: boolean }> {
  const others = [...new Set(input.userIds)].filter((id) => id !== actor.id);
  if (others.length === 0) throw fieldError('userIds', 'name at least one colleague besides yourself');
  if (others.length + 1 > Limits.chatMembersMax) throw fieldError('userIds', `at most ${Limits.chatMembersMax} people in a chat`);
  const rows = await users.findByIds(ctx.db.db, others);
  for (const [i, id] of input.userIds.entries()) {
    if (id === actor.id) continue;
    const row = rows.get(id);
    // Guests chat only with people of their groups; nobody chats with someone they may not see.
    if (!row || row.status !== 'active' || !can(actor, 'user.read', await userFacts(ctx, actor, row))) throw fieldError(`userIds.${i}`, 'no such colleague');
  }
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
        last_message_at: t,
        created_at: t,
      })
      .execute();
    await tx.db
      .insertInto('conversation_members')
      .values([actor.id, ...others].map((userId) => ({ conversation_id: id, user_id: userId, last_read_message_id: null, joined_at: t })))
      .execute();
    await appendEvent(tx, { type: 'conversation.created', actorId: actor.id, subjectId: id, payload: { userIds: [actor.id, ...others] } }, ctx.outbox);
  });
  return { conversation: await getConversation(ctx, actor, id), created: true };
}

export async function listMessages(
  ctx: AppContext,
  actor: Actor,
  id: string,
  cursor: string | undefined,
  limit = 30,
): Promise<{ items: Message[]; nextCursor: string | null }> {
  const conv = await memberConversation(ctx.db.db, actor, id);
  const before = decodeCursor(cursor, 1);
  const rows = await repo.messagesPage(ctx.db.db, conv.id, before ? String(before[0]) : undefined, limit);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: await presentMessages(ctx.db.db, actor, page), nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}

/** Sends a message. The sender's clientId makes it idempotent: a retry returns the first message (`created: false`). */
export async function sendMessage(ctx: AppContext, actor: Actor, id: string, input: SendMessage): Promise<{ message: Message; created: boolean }> {
  const conv = await memberConversation(ctx.db.db, actor, id);
  authorize(actor, 'conversation.post', { id: conv.id, member: true }, NOT_FOUND);
  const existing = await repo.findByClientId(ctx.db.db, actor.id, input.clientId);
  if (existing) {
    if (existing.conversation_id !== conv.id) throw fieldError('clientId', 'already used for another message');
    const [m] = await presentMessages(ctx.db.db, actor, [existing]);
    return { message: m as Message, created: false };
  }
  if (input.replyToId && !(await repo.findMessage(ctx.db.db, conv.id, input.replyToId))) throw fieldError('replyToId', 'no such message in this conversation');
  const row: repo.MessageRow = {
    id: newId(),
    conversation_id: conv.id,
    author_id: actor.id,
    client_id: input.clientId,
    body: input.body,
    reply_to_id: input.replyToId ?? null,
    created_at: now(),
    edited_at: null,
    deleted_at: null,
  };
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.db.insertInto('messages').values(row).execute();
      await tx.db.updateTable('conversations').set({ last_message_at: row.created_at }).where('id', '=', conv.id).execute();
      // Your own message is read by you.
      await tx.db
        .updateTable('conversation_members')
        .set({ last_read_message_id: row.id })
        .where('conversation_id', '=', conv.id)
        .where('user_id', '=', actor.id)
        .execute();
      const [pushed] = await presentMessages(tx.db, null, [row]);
      await appendEvent(tx, { type: 'message.created', actorId: actor.id, subjectId: conv.id, payload: { message: pushed } }, ctx.outbox);
    });
  } catch (err) {
    // Two retries racing with the same clientId: the unique index lets one win; the other returns it.
    const winner = await repo.findByClientId(ctx.db.db, actor.id, input.clientId);
    if (!winner) throw err;
    const [m] = await presentMessages(ctx.db.db, actor, [winner]);
    return { message: m as Message, created: false };
  }
  const [m] = await presentMessages(ctx.db.db, actor, [row]);
  return { message: m as Message, created: true };
}

async function ownMessage(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  messageId: string,
  action: 'message.edit' | 'message.delete',
): Promise<repo.MessageRow> {
  const conv = await memberConversation(ctx.db.db, actor, conversationId);
  const row = await repo.findMessage(ctx.db.db, conv.id, messageId);
  if (!row) throw new NotFoundError('Message');
  if (!can(actor, action, { authorId: row.author_id, deleted: row.deleted_at !== null, member: true }))
    throw new AppError(403, 'forbidden', 'Only the author can change a message');
  return row;
}

export async function editMessage(ctx: AppContext, actor: Actor, conversationId: string, messageId: string, body: string): Promise<Message> {
  const row = await ownMessage(ctx, actor, conversationId, messageId, 'message.edit');
  const next = { ...row, body, edited_at: now() };
  await ctx.db.transaction(async (tx) => {
    await tx.db.updateTable('messages').set({ body, edited_at: next.edited_at }).where('id', '=', row.id).execute();
    const [pushed] = await presentMessages(tx.db, null, [next]);
    await appendEvent(tx, { type: 'message.updated', actorId: actor.id, subjectId: row.conversation_id, payload: { message: pushed } }, ctx.outbox);
  });
  const [m] = await presentMessages(ctx.db.db, actor, [next]);
  return m as Message;
}

/** Delete for everyone: the message stays as "deleted", its text is gone. */
export async function deleteMessage(ctx: AppContext, actor: Actor, conversationId: string, messageId: string): Promise<void> {
  const row = await ownMessage(ctx, actor, conversationId, messageId, 'message.delete');
  const next = { ...row, body: '', deleted_at: now() };
  await ctx.db.transaction(async (tx) => {
    await tx.db.updateTable('messages').set({ body: '', deleted_at: next.deleted_at }).where('id', '=', row.id).execute();
    const [pushed] = await presentMessages(tx.db, null, [next]);
    await appendEvent(tx, { type: 'message.deleted', actorId: actor.id, subjectId: row.conversation_id, payload: { message: pushed } }, ctx.outbox);
  });
}

/** Marks the conversation read up to a message ("Seen"); never moves backwards. */
export async function markRead(ctx: AppContext, actor: Actor, conversationId: string, messageId: string): Promise<void> {
  const conv = await memberConversation(ctx.db.db, actor, conversationId);
  if (!(await repo.findMessage(ctx.db.db, conv.id, messageId))) throw fieldError('messageId', 'no such message in this conversation');
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .updateTable('conversation_members')
      .set({ last_read_message_id: messageId })
      .where('conversation_id', '=', conv.id)
      .where('user_id', '=', actor.id)
      .where((eb) => eb.or([eb('last_read_message_id', 'is', null), eb('last_read_message_id', '<', messageId)]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) {
      await appendEvent(
        tx,
        { type: 'conversation.read', actorId: actor.id, subjectId: conv.id, payload: { conversationId: conv.id, userId: actor.id, messageId } },
        ctx.outbox,
      );
    }
  });
}
