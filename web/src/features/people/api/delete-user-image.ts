import type { UserProfile } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session.ts';
import { userKeys } from './keys.ts';
import type { UserImageKind } from './upload-user-image.ts';

export function deleteUserImage(id: string, kind: UserImageKind) {
  return api<UserProfile | undefined>(`/users/${encodeURIComponent(id)}/${kind}`, { method: 'DELETE' });
}

export function useDeleteUserImage(id: string, kind: UserImageKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteUserImage(id, kind),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: userKeys.all }), queryClient.invalidateQueries({ queryKey: sessionKeys.me })]);
    },
  });
}
