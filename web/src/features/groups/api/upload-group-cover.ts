import type { Group } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

/** `PUT /groups/:id/cover` as multipart with field `file`. */
export function uploadGroupCover(id: string, file: File | Blob) {
  const body = new FormData();
  body.append('file', file);
  return api<Group>(`/groups/${encodeURIComponent(id)}/cover`, { method: 'PUT', body });
}

export function useUploadGroupCover(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File | Blob) => uploadGroupCover(id, file),
    onSuccess: (group) => groupChanged(queryClient, id, group),
  });
}
