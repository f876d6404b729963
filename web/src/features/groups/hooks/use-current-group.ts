import type { Group } from '@innenhof/contract';
import { getRouteApi } from '@tanstack/react-router';
import { useGroup } from '../api/get-group.ts';

const route = getRouteApi('/_app/groups/$groupId');

/** The group of the page (the layout renders tabs only once it is loaded) and the key it is addressed by. */
export function useCurrentGroup(): { group: Group; groupKey: string } {
  const { groupId } = route.useParams();
  const { data } = useGroup(groupId);
  if (!data) throw new Error('group tab rendered before the group loaded');
  return { group: data, groupKey: groupId };
}
