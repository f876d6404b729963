import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../core/db/index.js';
import type { ConversationMembersTable, ConversationsTable, MessageAttachmentsTable, MessageReactionsTable, MessagesTable } from './tables.js';

export type ConversationRow = Selectable<ConversationsTable>;
export type MemberRow = Selectable<ConversationMembersTable>;
export type MessageRow = Selectable<MessagesTable>;
export type AttachmentRow = Selectable<MessageAttachmentsTable>;
export type ReactionRow = Selectable<MessageReactionsTable>;

export async function findConversation(db: Executor, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A conversation and, when the user takes part, their membership row (one query). */
export async function findWithMembership(db: Executor, id: string, userId: string): Promise<{ row: ConversationRow; me: MemberRow | undefined } | undefined> {
  const r = await db
    .selectFrom('conversations as c')
    .leftJoin('conversation_members as m', (j) => j.onRef('m.conversation_id', '=', 'c.id').on('m.user_id', '=', userId))
    .selectAll('c')
    .select([
      'm.user_id as m_user_id',
      'm.last_read_message_id as m_last_read',
      'm.joined_at as m_joined_at',
      'm.muted as m_muted',
      'm.marked_unread as m_marked_unread',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const { m_user_id, m_last_read, m_joined_at, m_muted, m_marked_unread, ...row } = r;
  return {
    row,
    me: m_user_id
      ? {
          conversation_id: row.id,
          user_id: m_user_id,
          last_read_message_id: m_last_read,
          joined_at: m_joined_at as string,
          muted: Number(m_muted),
          marked_unread: Number(m_marked_unread),
        }
      : undefined,
  };
}

export async function membership(db: Executor, conversationId: string, userId: string): Promise<MemberRow | undefined> {
  return db.selectFrom('conversation_members').selectAll().where('conversation_id', '=', conversationId).where('user_id', '=', userId).executeTakeFirst();
}

export async function memberIds(db: Executor, conversationId: string): Promise<string[]> {
  const rows = await db.selectFrom('conversation_members').select('user_id').where('conversation_id', '=', conversationId).execute();
  return rows.map((r) => r.user_id);
}

/** Members of each conversation, at most `limit` per conversation, earliest first (one query per call). */
export async function membersOf(db: Executor, conversationIds: readonly string[], limit = 250): Promise<MemberRow[]> {
  if (conversationIds.length === 0) return [];
  const rows = await db
    .selectFrom('conversation_members')
    .selectAll()
    .where('conversation_id', 'in', [...conversationIds])
    .orderBy('joined_at')
    .orderBy('user_id')
    .execute();
  return firstPer(rows, limit);
}

/** Who has read furthest in each conversation (for "Seen"): the `limit` most advanced readers. */
export async function readersOf(db: Executor, conversationIds: readonly string[], limit = 100): Promise<MemberRow[]> {
  if (conversationIds.length === 0) return [];
  const rows = await db
    .selectFrom('conversation_members')
    .selectAll()
    .where('conversation_id', 'in', [...conversationIds])
    .where('last_read_message_id', 'is not', null)
    .orderBy('last_read_message_id', 'desc')
    .execute();
  return firstPer(rows, limit);
}

export async function memberCounts(db: Executor, conversationIds: readonly string[]): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('conversation_members')
    .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('conversation_id', 'in', [...conversationIds])
    .groupBy('conversation_id')
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
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

/**
 * Unread messages per conversation for a user: by others, after their last read message, not deleted,
 * not system lines; with the first of them (one query). Without ids: all the user's conversations.
 */
export async function unreadCounts(
  db: Executor,
  userId: string,
  conversationIds: readonly string[] | null,
): Promise<Map<string, { n: number; first: string }>> {
  if (conversationIds?.length === 0) return new Map();
  let q = db
    .selectFrom('messages as m')
    .innerJoin('conversation_members as cm', (j) => j.onRef('cm.conversation_id', '=', 'm.conversation_id').on('cm.user_id', '=', userId))
    .select(['m.conversation_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('m.id').as('first')]);
  if (conversationIds) q = q.where('m.conversation_id', 'in', [...conversationIds]);
  const rows = await q
    .where((eb) => eb.or([eb('cm.last_read_message_id', 'is', null), eb('m.id', '>', eb.ref('cm.last_read_message_id'))]))
    .where((eb) => eb.or([eb('m.author_id', 'is', null), eb('m.author_id', '!=', userId)]))
    .where('m.deleted_at', 'is', null)
    .where('m.system', 'is', null)
    .groupBy('m.conversation_id')
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, { n: Number(r.n), first: String(r.first) }]));
}

/** The user's own settings per conversation: muted, marked unread. */
export async function personal(db: Executor, userId: string): Promise<MemberRow[]> {
  return db.selectFrom('conversation_members').selectAll().where('user_id', '=', userId).execute();
}

/** LIKE pattern for a literal search text (its %, _ and \\ escaped). */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function messagesPage(db: Executor, conversationId: string, before: string | undefined, limit: number, q?: string): Promise<MessageRow[]> {
  let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
  if (q) {
    query = query
      .where('deleted_at', 'is', null)
      .where('system', 'is', null)
      .where(sql<boolean>`lower(body) like ${likePattern(q)} escape '\\'`);
  }
  if (before) query = query.where('id', '<', before);
  return query
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

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** The first `limit` rows of each conversation, in the order given. */
function firstPer<T extends { conversation_id: string }>(rows: T[], limit: number): T[] {
  const seen = new Map<string, number>();
  return rows.filter((r) => {
    const n = (seen.get(r.conversation_id) ?? 0) + 1;
    seen.set(r.conversation_id, n);
    return n <= limit;
  });
}

export async function attachmentsOf(db: Executor, messageIds: readonly string[]): Promise<Map<string, AttachmentRow[]>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('message_attachments')
    .selectAll()
    .where('message_id', 'in', [...new Set(messageIds)])
    .orderBy('position')
    .execute();
  return groupBy(rows, (r) => r.message_id as string);
}

export async function reactionsOf(db: Executor, messageIds: readonly string[]): Promise<Map<string, ReactionRow[]>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('message_reactions')
    .selectAll()
    .where('message_id', 'in', [...new Set(messageIds)])
    .orderBy('created_at')
    .execute();
  return groupBy(rows, (r) => r.message_id);
}

export async function findAttachment(db: Executor, conversationId: string, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('message_attachments').selectAll().where('conversation_id', '=', conversationId).where('id', '=', id).executeTakeFirst();
}

export async function roomOf(db: Executor, groupId: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('group_id', '=', groupId).executeTakeFirst();
}
