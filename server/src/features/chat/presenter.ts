import type { Attachment, Conversation, Message, Reaction, SystemNote } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import { type Actor, can } from '../../core/policy/index.js';
import { imageUrls, presentStoredAttachment } from '../../core/storage.js';
import { groupBasics } from '../groups/service.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import type { ConversationFacts } from './policy.js';
import * as repo from './repository.js';

const ids = (json: string | null): string[] => {
  if (!json) return [];
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

interface StoredNote {
  action: SystemNote['action'];
  userIds: string[];
  title: string | null;
}
const note = (json: string | null): StoredNote | null => (json ? (JSON.parse(json) as StoredNote) : null);

export function presentAttachment(a: repo.AttachmentRow): Attachment {
  return presentStoredAttachment(a, `/api/v1/conversations/${a.conversation_id}/attachments/${a.id}`);
}

function presentReactions(rows: repo.ReactionRow[]): Reaction[] {
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.emoji, [...(by.get(r.emoji) ?? []), r.user_id]);
  return [...by.entries()].map(([emoji, userIds]) => ({ emoji, count: userIds.length, userIds })).sort((a, b) => b.count - a.count);
}

/**
 * Messages as the API shows them. `viewer` decides the abilities (only authors edit and delete);
 * real-time pushes present for a non-author, and the author's own client keeps its copy.
 */
export async function presentMessages(
  db: Executor,
  viewer: Actor | null,
  rows: repo.MessageRow[],
  /** A message just written: it has no reactions yet, and attachments only if it was sent with some. */
  fresh?: { attachments: boolean },
): Promise<Message[]> {
  const messageIds = rows.map((r) => r.id);
  const none = Promise.resolve(new Map());
  const [replies, attachments, reactions] = await Promise.all([
    repo.messagesByIds(
      db,
      rows.map((r) => r.reply_to_id).filter((x): x is string => Boolean(x)),
    ),
    fresh && !fresh.attachments ? none : repo.attachmentsOf(db, messageIds),
    fresh ? none : repo.reactionsOf(db, messageIds),
  ]);
  const notes = new Map(rows.map((r) => [r.id, note(r.system)]));
  const personIds = [
    ...rows.map((r) => r.author_id),
    ...[...replies.values()].map((r) => r.author_id),
    ...rows.flatMap((r) => ids(r.mentions)),
    ...[...notes.values()].flatMap((n) => n?.userIds ?? []),
  ].filter((x): x is string => Boolean(x));
  const people = await users.findByIds(db, personIds);
  const nameOf = (id: string) => people.get(id)?.name ?? '';
  return rows.map((r) => {
    const author = r.author_id ? people.get(r.author_id) : undefined;
    const reply = r.reply_to_id ? replies.get(r.reply_to_id) : undefined;
    const n = notes.get(r.id) ?? null;
    const deleted = r.deleted_at !== null;
    const facts = { authorId: r.author_id, deleted, member: true, system: n !== null };
    return {
      id: r.id,
      conversationId: r.conversation_id,
      clientId: r.client_id,
      author: author ? presentSummary(author) : null,
      body: deleted ? '' : r.body,
      mentions: deleted ? [] : ids(r.mentions).map((id) => ({ id, name: nameOf(id) })),
      attachments: deleted ? [] : (attachments.get(r.id) ?? []).map(presentAttachment),
      reactions: deleted ? [] : presentReactions(reactions.get(r.id) ?? []),
      system: n ? { action: n.action, users: n.userIds.map((id) => ({ id, name: nameOf(id) })), title: n.title } : null,
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

/** The facts the policy needs about a conversation, for the actor. */
export function conversationFacts(actor: Actor, row: repo.ConversationRow, member: boolean, readOnly: boolean): ConversationFacts {
  return { id: row.id, member, kind: row.kind, creator: row.created_by === actor.id, readOnly };
}

/**
 * Conversations for the actor, who takes part in each. `memberLimit` caps the people listed per
 * conversation (a list shows a few; a group chat's settings show all).
 */
export async function presentConversations(db: Executor, actor: Actor, rows: repo.ConversationRow[], memberLimit = 8): Promise<Conversation[]> {
  const cids = rows.map((r) => r.id);
  const [members, readers, counts, last, unread, mine, groups] = await Promise.all([
    repo.membersOf(db, cids, memberLimit),
    repo.readersOf(db, cids),
    repo.memberCounts(db, cids),
    repo.lastMessages(db, cids),
    repo.unreadCounts(db, actor.id, cids),
    db
      .selectFrom('conversation_members')
      .selectAll()
      .where('user_id', '=', actor.id)
      .where('conversation_id', 'in', cids.length ? cids : [''])
      .execute(),
    groupBasics(
      db,
      rows.map((r) => r.group_id).filter((x): x is string => Boolean(x)),
    ),
  ]);
  const people = await users.findByIds(
    db,
    members.map((m) => m.user_id),
  );
  const lastPresented = new Map((await presentMessages(db, actor, [...last.values()])).map((m) => [m.conversationId, m]));
  const own = new Map(mine.map((m) => [m.conversation_id, m]));
  return rows.map((r) => {
    const group = r.group_id ? groups.get(r.group_id) : undefined;
    const f = conversationFacts(actor, r, true, group?.archived ?? false);
    const me = own.get(r.id);
    const u = unread.get(r.id);
    return {
      id: r.id,
      kind: r.kind,
      title: group ? group.name : r.title,
      photo: group
        ? imageUrls(group.coverFileId)
        : r.photo_id
          ? { small: `/api/v1/conversations/${r.id}/photo/small?v=${r.photo_id}`, large: `/api/v1/conversations/${r.id}/photo/large?v=${r.photo_id}` }
          : null,
      groupId: r.group_id,
      members: members
        .filter((m) => m.conversation_id === r.id)
        .flatMap((m) => {
          const p = people.get(m.user_id);
          return p ? [presentSummary(p)] : [];
        }),
      memberCount: counts.get(r.id) ?? 0,
      createdBy: r.created_by,
      lastMessage: lastPresented.get(r.id) ?? null,
      unreadCount: u?.n ?? 0,
      firstUnreadId: u?.first ?? null,
      muted: me?.muted === 1,
      markedUnread: me?.marked_unread === 1,
      readUpTo: readers.filter((m) => m.conversation_id === r.id).map((m) => ({ userId: m.user_id, messageId: m.last_read_message_id })),
      updatedAt: r.last_message_at,
      abilities: {
        post: can(actor, 'conversation.post', f),
        rename: can(actor, 'conversation.rename', f),
        setPhoto: can(actor, 'conversation.set_photo', f),
        addMembers: can(actor, 'conversation.add_members', f),
        removeMembers: can(actor, 'conversation.remove_members', f),
        leave: can(actor, 'conversation.leave', f),
      },
    };
  });
}
