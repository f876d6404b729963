import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

/** `PUT /groups/:id/chat`: switches on the group's chat room (201 new, 200 already there); answers its id. */
export function enableGroupChat(groupId: string) {
  return api<{ id: string }>(`/groups/${encodeURIComponent(groupId)}/chat`, { method: 'PUT' });
}

export function useEnableGroupChat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableGroupChat,
    onSuccess: async () => {
      // The group now carries `chatId`; the new room shows up in the chat list.
      await Promise.all([queryClient.invalidateQueries({ queryKey: groupKeys.all }), queryClient.invalidateQueries({ queryKey: ['chat', 'conversations'] })]);
    },
  });
}
