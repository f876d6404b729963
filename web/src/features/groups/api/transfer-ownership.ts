import type { Group } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

/** `POST /groups/:id/transfer`: the member becomes owner, the previous owner a moderator. */
export function transferOwnership(id: string, userId: string) {
  return api<Group>(`/groups/${encodeURIComponent(id)}/transfer`, { method: 'POST', body: { userId } });
}

export function useTransferOwnership(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => transferOwnership(id, userId),
    onSuccess: (group) => groupChanged(queryClient, id, group),
  });
}
