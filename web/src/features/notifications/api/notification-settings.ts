import type { NotificationSettings, UpdateNotificationSettings } from '@innenhof/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

/** `GET /me/notification-settings`. */
export const notificationSettingsQueryOptions = queryOptions({
  queryKey: notificationKeys.settings,
  queryFn: ({ signal }) => api<NotificationSettings>('/me/notification-settings', { signal }),
});

export function useNotificationSettings() {
  return useQuery(notificationSettingsQueryOptions);
}

/** What a change looks like before the server answers (the pause date is the server's to compute). */
function applyLocally(settings: NotificationSettings, body: UpdateNotificationSettings): NotificationSettings {
  return {
    ...settings,
    types: settings.types.map((row) => {
      const change = body.types?.find((c) => c.type === row.type);
      return change ? { ...row, ...(change.inApp === undefined ? {} : { inApp: change.inApp }), ...(change.email ? { email: change.email } : {}) } : row;
    }),
    groups: settings.groups.map((row) => {
      const change = body.groups?.find((c) => c.groupId === row.groupId);
      return change ? { ...row, posts: change.posts } : row;
    }),
    emailPausedUntil: body.pauseEmailDays === 0 ? null : settings.emailPausedUntil,
  };
}

const updateKey = [...notificationKeys.settings, 'update'] as const;

/**
 * `PATCH /me/notification-settings`: applied at once (optimistic), the server's answer replaces it. Quick changes
 * overlap (two boxes clicked before the first answer is back), and their answers may arrive in any order: an older
 * answer must not undo a newer change on the screen. So while changes overlap no answer is written into the cache;
 * when the last of them settles, the settings are fetched again and show what the server holds.
 */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  const overlapped = useRef(false);
  const othersPending = () => queryClient.isMutating({ mutationKey: updateKey }) > 1;
  return useMutation({
    mutationKey: updateKey,
    mutationFn: (body: UpdateNotificationSettings) => api<NotificationSettings>('/me/notification-settings', { method: 'PATCH', body }),
    onMutate: async (body) => {
      if (othersPending()) overlapped.current = true;
      await queryClient.cancelQueries({ queryKey: notificationKeys.settings });
      const previous = queryClient.getQueryData<NotificationSettings>(notificationKeys.settings);
      if (previous) queryClient.setQueryData(notificationKeys.settings, applyLocally(previous, body));
      return { previous };
    },
    onError: (_error, _body, context) => {
      // Alone, the change is simply undone; overlapping, the refetch below shows what the server kept.
      if (!overlapped.current && context?.previous) queryClient.setQueryData(notificationKeys.settings, context.previous);
    },
    onSuccess: (settings) => {
      if (!overlapped.current && !othersPending()) queryClient.setQueryData(notificationKeys.settings, settings);
    },
    onSettled: async () => {
      if (othersPending() || !overlapped.current) return;
      overlapped.current = false;
      await queryClient.invalidateQueries({ queryKey: notificationKeys.settings });
    },
  });
}
