import { type Static, Type } from 'typebox';
import { Id, Timestamp } from './common.js';
import { Limits } from './limits.js';
import { UserSummary } from './users.js';

export const ConversationKind = Type.Union([Type.Literal('direct'), Type.Literal('group')]);

export const Message = Type.Object({
  id: Id,
  conversationId: Id,
  /** The sender's own id for the message: a retry with the same clientId never creates a duplicate. */
  clientId: Type.String(),
  author: Type.Union([UserSummary, Type.Null()]),
  /** Empty when deleted. */
  body: Type.String(),
  replyTo: Type.Union([Type.Object({ id: Id, authorName: Type.Union([Type.String(), Type.Null()]), excerpt: Type.String() }), Type.Null()]),
  createdAt: Timestamp,
  editedAt: Type.Union([Timestamp, Type.Null()]),
  deletedAt: Type.Union([Timestamp, Type.Null()]),
  abilities: Type.Object({ edit: Type.Boolean(), delete: Type.Boolean() }),
});
export type Message = Static<typeof Message>;

export const Conversation = Type.Object({
  id: Id,
  kind: ConversationKind,
  /** Group chats: the name; direct chats: null (show the other person). */
  title: Type.Union([Type.String(), Type.Null()]),
  members: Type.Array(UserSummary),
  lastMessage: Type.Union([Message, Type.Null()]),
  unreadCount: Type.Integer(),
  /** Per member: the id of the last message they have read ("Seen"). */
  readUpTo: Type.Array(Type.Object({ userId: Id, messageId: Type.Union([Id, Type.Null()]) })),
  updatedAt: Timestamp,
});
export type Conversation = Static<typeof Conversation>;

export const CreateConversation = Type.Object(
  {
    userIds: Type.Array(Id, { minItems: 1, maxItems: Limits.chatMembersMax - 1 }),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' })),
  },
  { additionalProperties: false },
);
export type CreateConversation = Static<typeof CreateConversation>;

export const SendMessage = Type.Object(
  {
    clientId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    body: Type.String({ minLength: 1, maxLength: Limits.messageMax, pattern: '\\S' }),
    replyToId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type SendMessage = Static<typeof SendMessage>;

export const EditMessage = Type.Object({ body: Type.String({ minLength: 1, maxLength: Limits.messageMax, pattern: '\\S' }) }, { additionalProperties: false });

export const MessagesQuery = Type.Object({
  /** Keyset: messages older than this cursor (pages go backwards in time). */
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.pageSizeMax })),
});

export const MarkRead = Type.Object({ messageId: Id }, { additionalProperties: false });
