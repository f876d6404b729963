import { type Static, Type } from 'typebox';
import { Id, Timestamp } from './common.js';
import { Limits } from './limits.js';
import { UserSummary } from './users.js';

/** direct: two people; group: a named group chat; room: a workgroup's chat room (members follow the group). */
export const ConversationKind = Type.Union([Type.Literal('direct'), Type.Literal('group'), Type.Literal('room')]);

/** A file sent in a chat: images are re-encoded and shown inline; other files are download cards. */
export const Attachment = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('image'), Type.Literal('file')]),
  name: Type.String(),
  /** Images: image/webp (re-encoded); files: the type the uploader's browser declared. */
  mime: Type.String(),
  /** Bytes of the upload as sent. */
  size: Type.Integer(),
  /** Images: the large variant; files: the download (always served as an attachment). */
  url: Type.String(),
  /** Images: a thumbnail for the message list; files: null. */
  thumbnailUrl: Type.Union([Type.String(), Type.Null()]),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
});
export type Attachment = Static<typeof Attachment>;

/** One emoji and who reacted with it (one reaction per person and message, like Messenger). */
export const Reaction = Type.Object({ emoji: Type.String(), count: Type.Integer(), userIds: Type.Array(Id) });
export type Reaction = Static<typeof Reaction>;

/** What a system line in a chat says ("Anna added Ben", "Clara renamed the chat to …"). */
export const SystemNote = Type.Object({
  action: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('left'), Type.Literal('renamed'), Type.Literal('photo')]),
  /** The people added or removed. */
  users: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  title: Type.Union([Type.String(), Type.Null()]),
});
export type SystemNote = Static<typeof SystemNote>;

export const Message = Type.Object({
  id: Id,
  conversationId: Id,
  /** The sender's own id for the message: a retry with the same clientId never creates a duplicate. */
  clientId: Type.String(),
  author: Type.Union([UserSummary, Type.Null()]),
  /** Light markdown (bold, italic, code, links, line breaks), rendered sanitized by the client. Empty when deleted. */
  body: Type.String(),
  /** People mentioned with @; the body holds their names as "@Name". */
  mentions: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  attachments: Type.Array(Attachment),
  reactions: Type.Array(Reaction),
  /** Set for lines the system writes (people added/removed, renamed); author is who did it. */
  system: Type.Union([SystemNote, Type.Null()]),
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
  /** Group chats: the name; rooms: the group's name; direct chats: null (show the other person). */
  title: Type.Union([Type.String(), Type.Null()]),
  /** Group chats: the chat's photo (small/large); rooms: the group's cover; direct chats: null. */
  photo: Type.Union([Type.Object({ small: Type.String(), large: Type.String() }), Type.Null()]),
  /** Rooms: the workgroup. */
  groupId: Type.Union([Id, Type.Null()]),
  members: Type.Array(UserSummary),
  /** How many people take part (members lists up to 250). */
  memberCount: Type.Integer(),
  createdBy: Type.Union([Id, Type.Null()]),
  lastMessage: Type.Union([Message, Type.Null()]),
  unreadCount: Type.Integer(),
  /** The oldest message I have not read ("jump to first unread"), or null. */
  firstUnreadId: Type.Union([Id, Type.Null()]),
  /** I muted it: no badge in the total, no browser notification. */
  muted: Type.Boolean(),
  /** I marked it unread: shown as unread until I read it again. */
  markedUnread: Type.Boolean(),
  /** Per member: the id of the last message they have read ("Seen"). */
  readUpTo: Type.Array(Type.Object({ userId: Id, messageId: Type.Union([Id, Type.Null()]) })),
  updatedAt: Timestamp,
  abilities: Type.Object({
    post: Type.Boolean(),
    rename: Type.Boolean(),
    setPhoto: Type.Boolean(),
    addMembers: Type.Boolean(),
    /** Remove others (the creator of a group chat). */
    removeMembers: Type.Boolean(),
    leave: Type.Boolean(),
  }),
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
    /** May be empty when attachments are sent. */
    body: Type.String({ maxLength: Limits.messageMax }),
    replyToId: Type.Optional(Id),
    /** Uploaded with POST /conversations/:id/attachments, not yet sent. */
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: Limits.messageAttachmentsMax, uniqueItems: true })),
    /** Members of the conversation mentioned with @. */
    mentions: Type.Optional(Type.Array(Id, { maxItems: Limits.chatMembersMax, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type SendMessage = Static<typeof SendMessage>;

export const EditMessage = Type.Object({ body: Type.String({ minLength: 1, maxLength: Limits.messageMax, pattern: '\\S' }) }, { additionalProperties: false });

export const MessagesQuery = Type.Object({
  /** Keyset: messages older than this cursor (pages go backwards in time). */
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  /** Search within the conversation: messages containing this text (case-insensitive), newest first. */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: Limits.searchMax })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.pageSizeMax })),
});

export const MarkRead = Type.Object({ messageId: Id }, { additionalProperties: false });

export const UpdateConversation = Type.Object({ title: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }) }, { additionalProperties: false });
export type UpdateConversation = Static<typeof UpdateConversation>;

export const AddMembers = Type.Object(
  { userIds: Type.Array(Id, { minItems: 1, maxItems: Limits.chatMembersMax - 1, uniqueItems: true }) },
  { additionalProperties: false },
);

/** My own settings for a conversation. */
export const ConversationSettings = Type.Object(
  { muted: Type.Optional(Type.Boolean()), markedUnread: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type ConversationSettings = Static<typeof ConversationSettings>;

export const SetReaction = Type.Object(
  { emoji: Type.String({ minLength: 1, maxLength: 16, pattern: '^\\p{Extended_Pictographic}' }) },
  { additionalProperties: false },
);

export const UnreadTotal = Type.Object({
  /** Unread messages in conversations that are not muted. */
  messages: Type.Integer(),
  /** Conversations with unread messages or marked unread (not muted). */
  conversations: Type.Integer(),
});
