export interface UserFilters {
  q?: string | undefined;
  department?: string | undefined;
  location?: string | undefined;
  status?: 'active' | 'deactivated' | 'all' | undefined;
  /** `name` (A–Z, the default) or `newest` (most recently joined first). */
  sort?: 'name' | 'newest' | undefined;
}

/** Query keys of the people feature. Everything starts with `users`, so one invalidation refreshes all. */
export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  search: (q: string) => ['users', 'search', q] as const,
  facets: ['users', 'facets'] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
  orgChart: (managerId: string | null) => ['users', 'org-chart', managerId] as const,
};
