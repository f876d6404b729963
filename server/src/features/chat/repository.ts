import type { Selectable } from 'kysely';
import type { Executor } from '../../core/db/index.js';
import type { ConversationMembersTable, ConversationsTable, MessagesTable } from './tables.js';

export type ConversationRow = Selectable<ConversationsTable>;
export type MemberRow = Selectable<ConversationMembersTable>;
export type MessageRow = Selectable<MessagesTable>;

export async function findConversation(db: Executor, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isMember(db: Executor, conversationId: string, userId: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('conversation_members')
      .select('user_id')
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );
}

export async function membersOf(db: Executor, conversationIds: readonly string[]): Promise<MemberRow[]> {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('conversation_members')
    .selectAll()
    .where('conversation_id', 'in', [...conversationIds])
    .orderBy('joined_at')
    .execute();
}

/** The actor's conversations, most recent activity first (keyset on last_message_at, id). */
export async function listFor(db: Executor, userId: string, after: { at: string; id: string } | undefined, limit: number): Promise<ConversationRow[]> {
  let q = db
    .selectFrom('conversations as c')
    .innerJoin('conversation_members as cm', 'cm.conversation_id', 'c.id')
    .selectAll('c')
    .where('cm.user_id', '=', userId);
  if (after) q = q.where((eb) => eb(eb.refTuple('c.last_message_at', 'c.id'), '<', eb.tuple(after.at, after.id)));
  return q
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** The newest message of each conversation (one query). */
export async function lastMessages(db: Executor, conversationIds: readonly string[]): Promise<Map<string, MessageRow>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('messages')
        .select((e) => e.fn.max('id').as('id'))
        .where('conversation_id', 'in', [...conversationIds])
        .groupBy('conversation_id'),
    )
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, r]));
}

/** Unread messages per conversation for a user: by others, after their last read message (one query). */
export async function unreadCounts(db: Executor, userId: string, conversationIds: readonly string[]): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('conversation_members as cm', (j) => j.onRef('cm.conversation_id', '=', 'm.conversation_id').on('cm.user_id', '=', userId))
    .select(['m.conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('m.conversation_id', 'in', [...conversationIds])
    .where((eb) => eb.or([eb('cm.last_read_message_id', 'is', null), eb('m.id', '>', eb.ref('cm.last_read_message_id'))]))
    .where((eb) => eb.or([eb('m.author_id', 'is', null), eb('m.author_id', '!=', userId)]))
    .where('m.deleted_at', 'is', null)
    .groupBy('m.conversation_id')
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
}

export async function messagesPage(db: Executor, conversationId: string, before: string | undefined, limit: number): Promise<MessageRow[]> {
  let q = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
  if (before) q = q.where('id', '<', before);
  return q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function findMessage(db: Executor, conversationId: string, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).where('id', '=', id).executeTakeFirst();
}

export async function findByClientId(db: Executor, authorId: string, clientId: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('author_id', '=', authorId).where('client_id', '=', clientId).executeTakeFirst();
}

export async function messagesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, MessageRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
