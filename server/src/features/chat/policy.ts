import { defineRules } from '../../core/policy/index.js';

export interface ConversationFacts {
  id: string;
  /** The actor takes part in the conversation. */
  member: boolean;
}

export interface MessageFacts {
  authorId: string | null;
  deleted: boolean;
  member: boolean;
}

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'conversation.read': ConversationFacts;
    'conversation.post': ConversationFacts;
    'message.edit': MessageFacts;
    'message.delete': MessageFacts;
  }
}

/** A conversation exists only for its members (404 for everybody else, admins included: chats are private). */
defineRules({
  'conversation.read': (_a, c) => c.member,
  'conversation.post': (_a, c) => c.member,
  'message.edit': (a, m) => m.member && m.authorId === a.id && !m.deleted,
  'message.delete': (a, m) => m.member && m.authorId === a.id && !m.deleted,
});
