import type { UpdateUser, UserProfile } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session.ts';
import { userKeys } from './keys.ts';

export function updateUser(id: string, body: UpdateUser) {
  return api<UserProfile>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUser) => updateUser(id, body),
    onSuccess: async (profile) => {
      queryClient.setQueryData(userKeys.detail(id), profile);
      await Promise.all([queryClient.invalidateQueries({ queryKey: userKeys.all }), queryClient.invalidateQueries({ queryKey: sessionKeys.me })]);
    },
  });
}
