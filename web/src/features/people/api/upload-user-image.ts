import type { UserProfile } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session.ts';
import { userKeys } from './keys.ts';

export type UserImageKind = 'avatar' | 'cover';

/** `PUT /users/:id/avatar|cover` as multipart with field `file`. */
export function uploadUserImage(id: string, kind: UserImageKind, file: File | Blob) {
  const body = new FormData();
  body.append('file', file);
  return api<UserProfile>(`/users/${encodeURIComponent(id)}/${kind}`, { method: 'PUT', body });
}

export function useUploadUserImage(id: string, kind: UserImageKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File | Blob) => uploadUserImage(id, kind, file),
    onSuccess: async (profile) => {
      queryClient.setQueryData(userKeys.detail(id), profile);
      await Promise.all([queryClient.invalidateQueries({ queryKey: userKeys.all }), queryClient.invalidateQueries({ queryKey: sessionKeys.me })]);
    },
  });
}
