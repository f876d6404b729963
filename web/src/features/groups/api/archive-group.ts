import type { Group } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

export function archiveGroup(id: string) {
  return api<Group>(`/groups/${encodeURIComponent(id)}/archive`, { method: 'POST' });
}

export function useArchiveGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => archiveGroup(id),
    onSuccess: (group) => groupChanged(queryClient, id, group),
  });
}
