import type { NotificationSettings, UpdateNotificationSettings } from '@innenhof/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** `PATCH /me/notification-settings`: applied at once (optimistic), the server's answer replaces it. */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettings) => api<NotificationSettings>('/me/notification-settings', { method: 'PATCH', body }),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.settings });
      const previous = queryClient.getQueryData<NotificationSettings>(notificationKeys.settings);
      if (previous) queryClient.setQueryData(notificationKeys.settings, applyLocally(previous, body));
      return { previous };
    },
    onError: (_error, _body, context) => {
      if (context?.previous) queryClient.setQueryData(notificationKeys.settings, context.previous);
    },
    onSuccess: (settings) => queryClient.setQueryData(notificationKeys.settings, settings),
  });
}
