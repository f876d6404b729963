import type { Message } from '@innenhof/contract';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { chatKeys } from './keys.ts';
import type { MessagePage } from './list-messages.ts';

/** Puts a message into the cached pages: replaces it (same id or clientId) or adds it as the newest. */
export function upsertMessage(queryClient: QueryClient, message: Message): void {
  queryClient.setQueryData<InfiniteData<MessagePage>>(chatKeys.messages(message.conversationId), (data) => {
    if (!data) return data;
    let found = false;
    const pages = data.pages.map((page) => ({
      ...page,
      items: page.items.map((m) => {
        if (m.id !== message.id && m.clientId !== message.clientId) return m;
        found = true;
        // Live copies carry no abilities: keep the ones of our own copy.
        return { ...message, abilities: message.abilities.edit || message.abilities.delete ? message.abilities : m.abilities };
      }),
    }));
    if (!found && pages[0]) pages[0] = { ...pages[0], items: [message, ...pages[0].items] };
    return { ...data, pages };
  });
}
