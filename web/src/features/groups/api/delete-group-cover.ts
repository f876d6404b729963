import type { Group } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

export function deleteGroupCover(id: string) {
  return api<Group>(`/groups/${encodeURIComponent(id)}/cover`, { method: 'DELETE' });
}

export function useDeleteGroupCover(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteGroupCover(id),
    onSuccess: (group) => groupChanged(queryClient, id, group),
  });
}
