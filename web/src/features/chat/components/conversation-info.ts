import type { Conversation, UserSummary } from '@innenhof/contract';

/** The other members (a chat with oneself shows oneself). */
export function otherMembers(conversation: Conversation, meId: string): UserSummary[] {
  const others = conversation.members.filter((m) => m.id !== meId);
  return others.length ? others : conversation.members;
}

/** Group chats: their title; direct chats: the other person's name. */
export function conversationTitle(conversation: Conversation, meId: string): string {
  return (
    conversation.title ??
    otherMembers(conversation, meId)
      .map((m) => m.name)
      .join(', ')
  );
}
