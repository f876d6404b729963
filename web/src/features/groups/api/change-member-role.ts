import type { GroupMember, GroupRole } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

export function changeMemberRole(id: string, userId: string, role: GroupRole) {
  return api<GroupMember>(`/groups/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { role } });
}

export function useChangeMemberRole(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: GroupRole }) => changeMemberRole(id, userId, role),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.all, refetchType: 'active' }),
  });
}
