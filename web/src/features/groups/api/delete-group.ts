import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { groupKeys } from './keys.ts';

/** `DELETE /groups/:id` with `{confirmName}`: the exact group name, as a last check. */
export function deleteGroup(id: string, confirmName: string) {
  return api<void>(`/groups/${encodeURIComponent(id)}`, { method: 'DELETE', body: { confirmName } });
}

export function useDeleteGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmName: string) => deleteGroup(id, confirmName),
    // The page of the deleted group is still open: refresh everything but it (the caller navigates away).
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: groupKeys.all,
        refetchType: 'active',
        predicate: (query) => query.queryKey[2] !== id,
      }),
  });
}
