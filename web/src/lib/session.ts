/**
 * Shared session state: the logged-in user (`GET /me`), first-run status and public company branding.
 * These are read by the shell and by several features, so they live in `lib/`, not in a feature.
 */
import type { CompanySettings, Me } from '@innenhof/contract';
import { type QueryClient, queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { ApiError, api, isApiError, setCsrfToken } from './api-client.ts';
import { disconnectRealtime } from './realtime.ts';

export const sessionKeys = {
  me: ['me'] as const,
  setup: ['setup'] as const,
  company: ['company'] as const,
};

/** `null` when not logged in. */
export const meQueryOptions = queryOptions({
  queryKey: sessionKeys.me,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      const me = await api<Me>('/me', { signal });
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error, 'unauthenticated') || (error instanceof ApiError && error.status === 401)) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
});

/** Only inside the logged-in app layout, whose `beforeLoad` guarantees the data. */
export function useMe(): Me {
  const { data } = useSuspenseQuery(meQueryOptions);
  if (!data) throw new ApiError(401, 'unauthenticated', 'Not logged in');
  return data;
}

export const setupStatusQueryOptions = queryOptions({
  queryKey: sessionKeys.setup,
  queryFn: ({ signal }) => api<{ needed: boolean }>('/setup', { signal }),
  staleTime: 5 * 60_000,
});

export const companyQueryOptions = queryOptions({
  queryKey: sessionKeys.company,
  queryFn: ({ signal }) => api<CompanySettings>('/settings/company', { signal }),
  staleTime: 5 * 60_000,
});

export function useCompany() {
  return useQuery(companyQueryOptions);
}

/**
 * After login, setup or accepting an invitation: keep the new CSRF token, forget every cached answer
 * from before (another user may have been logged in) and load `/me` fresh.
 */
export async function startSession(queryClient: QueryClient, result: { csrfToken: string }): Promise<Me | null> {
  setCsrfToken(result.csrfToken);
  // Another user may have been logged in: their live connection goes (the shell opens a new one).
  disconnectRealtime();
  queryClient.removeQueries();
  const me = await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
  queryClient.setQueryData(sessionKeys.setup, { needed: false });
  return me;
}

/** After logout: drop everything cached for the old user. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  disconnectRealtime();
  // `me` first: the shell unmounts before the rest of the old user's data disappears under it.
  queryClient.setQueryData(sessionKeys.me, null);
  queryClient.removeQueries({
    predicate: (query) => {
      const [head] = query.queryKey;
      if (head === 'company' || head === 'setup') return false;
      return !(head === 'me' && query.queryKey.length === 1);
    },
  });
}
