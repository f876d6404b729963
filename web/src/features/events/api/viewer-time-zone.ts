import type { NotificationSettings } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { browserTimeZone } from '../../../lib/format.ts';

/**
 * The zone times are shown in: the time zone the user chose in their settings (`/me/notification-settings`, the
 * same cache entry the settings card uses), else — not chosen, not loaded yet, or failed — the device's.
 */
export function useViewerTimeZone(): string {
  return useViewerTimeZoneState().zone;
}

/** The zone, and whether the user's setting has been loaded (or failed, so the browser's is final). */
export function useViewerTimeZoneState(): { zone: string; ready: boolean } {
  const settings = useQuery({
    queryKey: ['notifications', 'settings'] as const,
    queryFn: ({ signal }) => api<NotificationSettings>('/me/notification-settings', { signal }),
    staleTime: 5 * 60_000,
  });
  return { zone: (settings.data?.timeZoneSet && settings.data.timeZone) || browserTimeZone(), ready: !settings.isPending };
}
