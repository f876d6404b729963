import type { DirectoryEditors, Holiday, Holidays } from '@innenhof/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { escalationKeys } from './keys.ts';

/** `GET /escalation/holidays`: company-wide days that count as outside business hours. */
export function useHolidays() {
  return useQuery({ queryKey: escalationKeys.holidays, queryFn: ({ signal }) => api<Holidays>('/escalation/holidays', { signal }) });
}

/** `PUT /escalation/holidays` (admins) replaces the whole list; "who to contact now" changes with it. */
export function useSetHolidays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: Holiday[]) => api<Holidays>('/escalation/holidays', { method: 'PUT', body: { items } satisfies Holidays }),
    onSuccess: (holidays) => {
      queryClient.setQueryData(escalationKeys.holidays, holidays);
      void queryClient.invalidateQueries({ queryKey: escalationKeys.topics });
    },
  });
}

/** `GET /escalation/editors` (admins): who besides admins may edit topics. */
export function useDirectoryEditors(enabled: boolean) {
  return useQuery({
    queryKey: escalationKeys.editors,
    queryFn: ({ signal }) => api<DirectoryEditors>('/escalation/editors', { signal }),
    enabled,
  });
}

export function useSetDirectoryEditors() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => api<DirectoryEditors>('/escalation/editors', { method: 'PUT', body: { userIds } }),
    onSuccess: (editors) => {
      queryClient.setQueryData(escalationKeys.editors, editors);
      void queryClient.invalidateQueries({ queryKey: escalationKeys.topics });
    },
  });
}
