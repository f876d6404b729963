import type { Group, UpdateGroup } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

export function updateGroup(id: string, body: UpdateGroup) {
  return api<Group>(`/groups/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateGroup) => updateGroup(id, body),
    onSuccess: (group) => groupChanged(queryClient, id, group),
  });
}
