import type { Conversation, ConversationSettings } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { chatKeys } from './keys.ts';

const path = (id: string) => `/conversations/${encodeURIComponent(id)}`;

/** Puts the answer of a conversation write into the cache and refreshes the list. */
function useConversationWrite<V>(fn: (vars: V) => Promise<Conversation | undefined>, conversationId: (vars: V) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (conversation, vars) => {
      if (conversation) queryClient.setQueryData(chatKeys.conversation(conversation.id), conversation);
      else void queryClient.invalidateQueries({ queryKey: chatKeys.conversation(conversationId(vars)) });
      void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
    },
  });
}

/** `PUT /conversations/:id/settings`: my own mute / marked-unread state. */
export function useConversationSettings() {
  return useConversationWrite(
    ({ conversationId, ...body }: ConversationSettings & { conversationId: string }) =>
      api<Conversation>(`${path(conversationId)}/settings`, { method: 'PUT', body }),
    (v) => v.conversationId,
  );
}

/** `PATCH /conversations/:id` `{title}`: rename a group chat. */
export function useRenameConversation() {
  return useConversationWrite(
    ({ conversationId, title }: { conversationId: string; title: string }) => api<Conversation>(path(conversationId), { method: 'PATCH', body: { title } }),
    (v) => v.conversationId,
  );
}

/** `PUT /conversations/:id/photo` (multipart `file`). */
export function useSetConversationPhoto() {
  return useConversationWrite(
    ({ conversationId, file }: { conversationId: string; file: File }) => {
      const body = new FormData();
      body.append('file', file);
      return api<Conversation>(`${path(conversationId)}/photo`, { method: 'PUT', body });
    },
    (v) => v.conversationId,
  );
}

/** `POST /conversations/:id/members` `{userIds}`. */
export function useAddMembers() {
  return useConversationWrite(
    ({ conversationId, userIds }: { conversationId: string; userIds: string[] }) =>
      api<Conversation>(`${path(conversationId)}/members`, { method: 'POST', body: { userIds } }),
    (v) => v.conversationId,
  );
}

/** `DELETE /conversations/:id/members/:userId`: remove someone (the creator) or leave (yourself). */
export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ conversationId, userId }: { conversationId: string; userId: string; leaving?: boolean }) =>
      api<void>(`${path(conversationId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
    onSuccess: (_, { conversationId, leaving }) => {
      // Leaving: the view goes away first (a refetch now would only answer 404).
      if (!leaving) {
        void queryClient.invalidateQueries({ queryKey: chatKeys.conversation(conversationId) });
        void queryClient.invalidateQueries({ queryKey: chatKeys.messages(conversationId) });
      }
      void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
    },
  });
}
