import { defineRules } from '../../core/policy/index.js';

export interface ConversationFacts {
  id: string;
  /** The actor takes part in the conversation. */
  member: boolean;
  kind?: 'direct' | 'group' | 'room';
  /** The actor started it (group chats: may remove others). */
  creator?: boolean;
  /** A room of an archived group: readable, not writable. */
  readOnly?: boolean;
}

export interface MessageFacts {
  authorId: string | null;
  deleted: boolean;
  member: boolean;
  /** A line the system wrote ("Anna added Ben"): nobody edits it. */
  system?: boolean;
}

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'conversation.read': ConversationFacts;
    'conversation.post': ConversationFacts;
    'conversation.rename': ConversationFacts;
    'conversation.set_photo': ConversationFacts;
    'conversation.add_members': ConversationFacts;
    'conversation.remove_members': ConversationFacts;
    'conversation.leave': ConversationFacts;
    'message.edit': MessageFacts;
    'message.delete': MessageFacts;
    'message.react': MessageFacts;
  }
}

const groupChat = (c: ConversationFacts) => c.member && c.kind === 'group';

/**
 * A conversation exists only for its members (404 for everybody else, admins included: chats are private).
 * Group chats are managed by their members (add, rename, photo, leave); only the person who started one
 * removes others. Direct chats have two fixed people; a workgroup's room follows the group's membership.
 */
defineRules({
  'conversation.read': (_a, c) => c.member,
  'conversation.post': (_a, c) => c.member && !c.readOnly,
  'conversation.rename': (_a, c) => groupChat(c),
  'conversation.set_photo': (_a, c) => groupChat(c),
  'conversation.add_members': (_a, c) => groupChat(c),
  'conversation.remove_members': (_a, c) => groupChat(c) && c.creator === true,
  'conversation.leave': (_a, c) => groupChat(c),
  'message.edit': (a, m) => m.member && m.authorId === a.id && !m.deleted && !m.system,
  'message.delete': (a, m) => m.member && m.authorId === a.id && !m.deleted && !m.system,
  'message.react': (_a, m) => m.member && !m.deleted && !m.system,
});
