import type { Group } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupChanged } from './cache.ts';

/** `POST /groups/:id/members`: join an open group (or one you are invited to). */
export function joinGroup(id: string) {
  return api<Group>(`/groups/${encodeURIComponent(id)}/members`, { method: 'POST' });
}

export function useJoinGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => joinGroup(id),
    onSuccess: (group, id) => groupChanged(queryClient, id, group),
  });
}
