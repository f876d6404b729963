import type { Attachment, Message, SendMessage } from '@innenhof/contract';
import { AppError, fieldError, NotFoundError } from '../../core/errors.js';
import { addMs, newId, now } from '../../core/ids.js';
import { enqueue } from '../../core/jobs.js';
import { appendEvent } from '../../core/outbox.js';
import { storeAttachment } from '../../core/storage.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { type Actor, authorize, can } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { presentAttachment, presentMessages } from './presenter.js';
import * as repo from './repository.js';
import { type Loaded, loadConversation } from './service.js';

export async function listMessages(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: { cursor?: string; limit?: number; q?: string },
): Promise<{ items: Message[]; nextCursor: string | null }> {
  const { row } = await loadConversation(ctx.db.db, actor, id);
  const limit = query.limit ?? 30;
  const before = decodeCursor(query.cursor, 1);
  const rows = await repo.messagesPage(ctx.db.db, row.id, before ? String(before[0]) : undefined, limit, query.q?.trim() || undefined);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: await presentMessages(ctx.db.db, actor, page), nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}

async function presentOne(ctx: AppContext, actor: Actor | null, row: repo.MessageRow): Promise<Message> {
  const [m] = await presentMessages(ctx.db.db, actor, [row]);
  return m as Message;
}

const messageFacts = (row: repo.MessageRow) => ({ authorId: row.author_id, deleted: row.deleted_at !== null, member: true, system: row.system !== null });

/** Sends a message. The sender's clientId makes it idempotent: a retry returns the first message (`created: false`). */
export async function sendMessage(ctx: AppContext, actor: Actor, id: string, input: SendMessage): Promise<{ message: Message; created: boolean }> {
  const { row: conv } = await loadConversation(ctx.db.db, actor, id, 'conversation.post');
  const existing = await repo.findByClientId(ctx.db.db, actor.id, input.clientId);
  if (existing) {
    if (existing.conversation_id !== conv.id) throw fieldError('clientId', 'already used for another message');
    return { message: await presentOne(ctx, actor, existing), created: false };
  }
  const attachmentIds = input.attachmentIds ?? [];
  if (input.body.trim() === '' && attachmentIds.length === 0) throw fieldError('body', 'write something or attach a file');
  if (input.replyToId && !(await repo.findMessage(ctx.db.db, conv.id, input.replyToId))) throw fieldError('replyToId', 'no such message in this conversation');
  const mentions = input.mentions ?? [];
  if (mentions.length > 0) {
    const members = new Set(await repo.memberIds(ctx.db.db, conv.id));
    for (const [i, m] of mentions.entries()) if (!members.has(m)) throw fieldError(`mentions.${i}`, 'not a member of this conversation');
  }
  for (const [i, a] of attachmentIds.entries()) {
    const att = await repo.findAttachment(ctx.db.db, conv.id, a);
    if (!att || att.uploader_id !== actor.id || att.message_id !== null) throw fieldError(`attachmentIds.${i}`, 'no such upload of yours in this conversation');
  }
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
    mentions: mentions.length > 0 ? JSON.stringify(mentions) : null,
    system: null,
  };
  let pushed: Message | undefined;
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.db.insertInto('messages').values(row).execute();
      for (const [position, a] of attachmentIds.entries()) {
        const r = await tx.db
          .updateTable('message_attachments')
          .set({ message_id: row.id, position })
          .where('id', '=', a)
          .where('message_id', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw fieldError(`attachmentIds.${position}`, 'no such upload of yours in this conversation');
      }
      await tx.db.updateTable('conversations').set({ last_message_at: row.created_at }).where('id', '=', conv.id).execute();
      // Your own message is read by you (and takes away a "marked unread").
      await tx.db
        .updateTable('conversation_members')
        .set({ last_read_message_id: row.id, marked_unread: 0 })
        .where('conversation_id', '=', conv.id)
        .where('user_id', '=', actor.id)
        .execute();
      [pushed] = await presentMessages(tx.db, null, [row], { attachments: attachmentIds.length > 0 });
      await appendEvent(tx, { type: 'message.created', actorId: actor.id, subjectId: conv.id, payload: { message: pushed } }, ctx.outbox);
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Two retries racing with the same clientId: the unique index lets one win; the other returns it.
    const winner = await repo.findByClientId(ctx.db.db, actor.id, input.clientId);
    if (!winner) throw err;
    return { message: await presentOne(ctx, actor, winner), created: false };
  }
  // The message as pushed to the others, with the sender's own abilities: no second round of queries.
  const facts = messageFacts(row);
  const abilities = { edit: can(actor, 'message.edit', facts), delete: can(actor, 'message.delete', facts) };
  return { message: pushed ? { ...pushed, abilities } : await presentOne(ctx, actor, row), created: true };
}

async function loadMessage(ctx: AppContext, actor: Actor, conversationId: string, messageId: string): Promise<{ l: Loaded; row: repo.MessageRow }> {
  const l = await loadConversation(ctx.db.db, actor, conversationId);
  const row = await repo.findMessage(ctx.db.db, l.row.id, messageId);
  if (!row) throw new NotFoundError('Message');
  return { l, row };
}

export async function editMessage(ctx: AppContext, actor: Actor, conversationId: string, messageId: string, body: string): Promise<Message> {
  const { row } = await loadMessage(ctx, actor, conversationId, messageId);
  if (!can(actor, 'message.edit', messageFacts(row))) throw new AppError(403, 'forbidden', 'Only the author can change a message');
  const edited = now();
  await ctx.db.transaction(async (tx) => {
    await tx.db.updateTable('messages').set({ body, edited_at: edited }).where('id', '=', row.id).execute();
    const [pushed] = await presentMessages(tx.db, null, [{ ...row, body, edited_at: edited }]);
    await appendEvent(tx, { type: 'message.updated', actorId: actor.id, subjectId: row.conversation_id, payload: { message: pushed } }, ctx.outbox);
  });
  return presentOne(ctx, actor, { ...row, body, edited_at: edited });
}

/** Delete for everyone: the message stays as "deleted"; its text, attachments and reactions are gone. */
export async function deleteMessage(ctx: AppContext, actor: Actor, conversationId: string, messageId: string): Promise<void> {
  const { row } = await loadMessage(ctx, actor, conversationId, messageId);
  if (!can(actor, 'message.delete', messageFacts(row))) throw new AppError(403, 'forbidden', 'Only the author can change a message');
  const files = await ctx.db.db.selectFrom('message_attachments').select('file_id').where('message_id', '=', row.id).execute();
  const deleted = now();
  await ctx.db.transaction(async (tx) => {
    await tx.db.updateTable('messages').set({ body: '', mentions: null, deleted_at: deleted }).where('id', '=', row.id).execute();
    await tx.db.deleteFrom('message_attachments').where('message_id', '=', row.id).execute();
    await tx.db.deleteFrom('message_reactions').where('message_id', '=', row.id).execute();
    const [pushed] = await presentMessages(tx.db, null, [{ ...row, body: '', mentions: null, deleted_at: deleted }]);
    await appendEvent(tx, { type: 'message.deleted', actorId: actor.id, subjectId: row.conversation_id, payload: { message: pushed } }, ctx.outbox);
  });
  for (const f of files) await ctx.storage.remove(ctx.db.db, f.file_id).catch(() => undefined);
}

/** One reaction per person and message (like Messenger): setting another replaces it; null takes it away. */
export async function react(ctx: AppContext, actor: Actor, conversationId: string, messageId: string, emoji: string | null): Promise<Message> {
  const { row } = await loadMessage(ctx, actor, conversationId, messageId);
  authorize(actor, 'message.react', messageFacts(row), 'Message');
  await ctx.db.transaction(async (tx) => {
    await tx.db.deleteFrom('message_reactions').where('message_id', '=', row.id).where('user_id', '=', actor.id).execute();
    if (emoji) await tx.db.insertInto('message_reactions').values({ message_id: row.id, user_id: actor.id, emoji, created_at: now() }).execute();
    const [pushed] = await presentMessages(tx.db, null, [row]);
    await appendEvent(tx, { type: 'message.updated', actorId: actor.id, subjectId: row.conversation_id, payload: { message: pushed } }, ctx.outbox);
  });
  return presentOne(ctx, actor, row);
}

/** Marks the conversation read up to a message ("Seen"); never moves backwards; clears "marked unread". */
export async function markRead(ctx: AppContext, actor: Actor, conversationId: string, messageId: string): Promise<void> {
  const { row: conv } = await loadConversation(ctx.db.db, actor, conversationId);
  if (!(await repo.findMessage(ctx.db.db, conv.id, messageId))) throw fieldError('messageId', 'no such message in this conversation');
  await ctx.db.transaction(async (tx) => {
    const unmarked = await tx.db
      .updateTable('conversation_members')
      .set({ marked_unread: 0 })
      .where('conversation_id', '=', conv.id)
      .where('user_id', '=', actor.id)
      .where('marked_unread', '=', 1)
      .executeTakeFirst();
    // My other tabs stop showing it as unread.
    if (Number(unmarked.numUpdatedRows) > 0) {
      await appendEvent(tx, { type: 'conversation.personal', actorId: actor.id, subjectId: conv.id, payload: { userId: actor.id } }, ctx.outbox);
    }
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

/**
 * Uploads a file for a message not yet sent. Images are re-encoded (metadata dropped) with a thumbnail;
 * other files are kept as sent and only ever served as downloads.
 */
export async function uploadAttachment(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  file: { data: Buffer; filename: string; mimetype: string },
): Promise<Attachment> {
  const { row: conv } = await loadConversation(ctx.db.db, actor, conversationId, 'conversation.post');
  const stored = await storeAttachment(ctx.storage, ctx.db.db, file, actor.id);
  const row: repo.AttachmentRow = {
    id: newId(),
    conversation_id: conv.id,
    message_id: null,
    uploader_id: actor.id,
    kind: stored.kind,
    name: stored.name,
    mime: stored.mime,
    size: file.data.length,
    file_id: stored.fileId,
    width: stored.width,
    height: stored.height,
    position: 0,
    created_at: now(),
  };
  await ctx.db.transaction(async (tx) => {
    await tx.db.insertInto('message_attachments').values(row).execute();
    await enqueue(tx.db, UNSENT_JOB, { id: row.id }, { runAt: addMs(row.created_at, UNSENT_KEEP_MS) });
  });
  return presentAttachment(row);
}

export const UNSENT_JOB = 'chat.unsent_attachment';
/** An upload that was never sent (tab closed, draft abandoned) is deleted after a day. */
const UNSENT_KEEP_MS = 24 * 3600 * 1000;

export async function dropIfUnsent(ctx: AppContext, id: string): Promise<void> {
  const att = await ctx.db.db.selectFrom('message_attachments').select(['file_id', 'message_id']).where('id', '=', id).executeTakeFirst();
  if (!att || att.message_id !== null) return;
  await ctx.db.db.deleteFrom('message_attachments').where('id', '=', id).where('message_id', 'is', null).execute();
  await ctx.storage.remove(ctx.db.db, att.file_id);
}

/** Where an attachment's bytes are, for a member of its conversation (404 for anyone else, and before it is sent, for anyone but the uploader). */
export async function attachmentFile(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  attachmentId: string,
  variant: 'small' | 'large' | 'file',
): Promise<{ path: string; mime: string; name: string; kind: 'image' | 'file' }> {
  const { row: conv } = await loadConversation(ctx.db.db, actor, conversationId);
  const att = await repo.findAttachment(ctx.db.db, conv.id, attachmentId);
  if (!att || (att.message_id === null && att.uploader_id !== actor.id)) throw new NotFoundError('Attachment');
  const want = att.kind === 'image' ? (variant === 'file' ? 'large' : variant) : 'original';
  if (att.kind === 'file' && variant !== 'file') throw new NotFoundError('Attachment');
  const file = await ctx.storage.variantPath(ctx.db.db, att.file_id, want);
  if (!file) throw new NotFoundError('Attachment');
  return { path: file.path, mime: att.mime, name: att.name, kind: att.kind };
}
