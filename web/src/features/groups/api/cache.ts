import type { Group } from '@innenhof/contract';
import type { QueryClient } from '@tanstack/react-query';
import { groupKeys } from './keys.ts';

/**
 * After a write that answers with the group: put it in the cache under the key the page uses (id or slug),
 * then refresh everything else of the feature (lists, members, requests, invitations).
 */
export async function groupChanged(queryClient: QueryClient, key: string, group?: Group | null): Promise<void> {
  if (group && typeof group === 'object' && 'abilities' in group) {
    queryClient.setQueryData(groupKeys.detail(key), group);
    if (key !== group.id) queryClient.setQueryData(groupKeys.detail(group.id), group);
  }
  await queryClient.invalidateQueries({ queryKey: groupKeys.all, refetchType: 'active' });
}
