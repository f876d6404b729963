export type GroupFilter = 'mine' | 'suggested' | 'all';

/** Query keys of the groups feature. Everything starts with `groups`, so one invalidation refreshes all. */
export const groupKeys = {
  all: ['groups'] as const,
  list: (filter: GroupFilter, q: string) => ['groups', 'list', filter, q] as const,
  detail: (id: string) => ['groups', 'detail', id] as const,
  members: (id: string) => ['groups', 'members', id] as const,
  requests: (id: string) => ['groups', 'requests', id] as const,
  myInvitations: ['groups', 'my-invitations'] as const,
};
