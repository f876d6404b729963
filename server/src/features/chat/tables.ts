export interface ConversationsTable {
  id: string;
  kind: 'direct' | 'group' | 'room';
  title: string | null;
  direct_key: string | null;
  created_by: string | null;
  /** Rooms: the workgroup whose members take part. */
  group_id: string | null;
  photo_id: string | null;
  last_message_at: string;
  created_at: string;
}

export interface ConversationMembersTable {
  conversation_id: string;
  user_id: string;
  last_read_message_id: string | null;
  joined_at: string;
  muted: number;
  marked_unread: number;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  author_id: string | null;
  client_id: string;
  body: string;
  reply_to_id: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  /** JSON array of user ids. */
  mentions: string | null;
  /** JSON SystemNote with user ids (names are resolved when presented). */
  system: string | null;
}

export interface MessageAttachmentsTable {
  id: string;
  conversation_id: string;
  message_id: string | null;
  uploader_id: string | null;
  kind: 'image' | 'file';
  name: string;
  mime: string;
  size: number;
  file_id: string;
  width: number | null;
  height: number | null;
  position: number;
  created_at: string;
}

export interface MessageReactionsTable {
  message_id: string;
  user_id: string;
  emoji: string;
  created_at: string;
}
