export interface ConversationsTable {
  id: string;
  kind: 'direct' | 'group';
  title: string | null;
  direct_key: string | null;
  created_by: string | null;
  last_message_at: string;
  created_at: string;
}

export interface ConversationMembersTable {
  conversation_id: string;
  user_id: string;
  last_read_message_id: string | null;
  joined_at: string;
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
}
