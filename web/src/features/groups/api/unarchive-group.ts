import type { Group } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

export function unarchiveGroup(id: string) {
  return api<Group>(`/groups/${encodeURIComponent(id)}/unarchive`, { method: 'POST' });
}

export function useUnarchiveGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unarchiveGroup(id),
    onSuccess: (group) => groupChanged(queryClient, id, group),
  });
}
