import type { UserSummary } from '@innenhof/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export const announcersKey = ['admin', 'announcers'] as const;

/** The communications team: who besides the admins may post company-wide announcements. */
export const announcersQueryOptions = queryOptions({
  queryKey: announcersKey,
  queryFn: ({ signal }) => api<{ items: UserSummary[] }>('/admin/announcers', { signal }),
});

export function useAnnouncers() {
  return useQuery(announcersQueryOptions);
}

export function setAnnouncers(userIds: string[]) {
  return api<{ items: UserSummary[] }>('/admin/announcers', { method: 'PUT', body: { userIds } });
}

/** Replaces the whole team; the answer is the new list. */
export function useSetAnnouncers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAnnouncers,
    onSuccess: (result) => {
      queryClient.setQueryData(announcersKey, result);
    },
  });
}
