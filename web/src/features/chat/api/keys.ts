/** Query keys of the chat feature. Everything starts with `chat`, so one invalidation refreshes all. */
export const chatKeys = {
  all: ['chat'] as const,
  conversations: ['chat', 'conversations'] as const,
  conversation: (id: string) => ['chat', 'conversation', id] as const,
  messages: (id: string) => ['chat', 'messages', id] as const,
};

/** A fresh client id for one message (8–64 chars of `[A-Za-z0-9_-]`): a retry with it never duplicates. */
export function newClientId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
