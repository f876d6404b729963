import type { OnlineColleague, Presence } from '@innenhof/contract';
import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../../lib/api-client.ts';
import { type PresenceSignal, subscribeArrivals, subscribePresence, watchPresence } from '../../../lib/realtime.ts';

/** Not under `chat`: presence must not refetch on every chat event. */
export const presenceKeys = {
  all: ['presence'] as const,
  online: ['presence', 'online'] as const,
  of: (userId: string) => ['presence', 'of', userId] as const,
};

type OnlineList = { items: OnlineColleague[] };
const ONLINE_LIMIT = 50;

/** `GET /presence/online`: colleagues connected now (not me); refetched every minute besides the live events. */
export const onlineColleaguesQueryOptions = queryOptions({
  queryKey: presenceKeys.online,
  queryFn: ({ signal }) => api<OnlineList>('/presence/online', { query: { limit: ONLINE_LIMIT }, signal }),
  staleTime: 30_000,
  refetchInterval: 60_000,
});

export function useOnlineColleagues() {
  const query = useQuery({ ...onlineColleaguesQueryOptions, retry: false });
  // Live changes for the people listed; newcomers appear with the next refetch.
  useWatchPresence(query.data?.items.map((c) => c.user.id) ?? []);
  return query;
}

/** Hears the presence changes of these people while mounted (see `watchPresence`). */
export function useWatchPresence(userIds: readonly string[]): void {
  const key = [...userIds].sort().join(',');
  useEffect(() => (key ? watchPresence(key.split(',')) : undefined), [key]);
}

/** `GET /presence?userIds=…` for one person (the dot in a docked chat's header). */
export function usePresenceOf(userId: string | null) {
  useWatchPresence(userId ? [userId] : []);
  return useQuery({
    queryKey: presenceKeys.of(userId ?? ''),
    queryFn: async ({ signal }) => {
      const { items } = await api<{ items: Presence[] }>('/presence', { query: { userIds: userId ?? '' }, signal });
      return items[0] ?? null;
    },
    enabled: Boolean(userId),
    staleTime: 60_000,
    retry: false,
  });
}

function applyPresence(queryClient: QueryClient, signal: PresenceSignal): void {
  queryClient.setQueryData<Presence | null>(presenceKeys.of(signal.userId), (old) =>
    old === undefined ? old : { userId: signal.userId, status: signal.status, lastSeenAt: signal.lastSeenAt },
  );
  const list = queryClient.getQueryData<OnlineList>(presenceKeys.online);
  if (!list) return;
  const known = list.items.some((c) => c.user.id === signal.userId);
  if (signal.status === 'offline') {
    if (known) queryClient.setQueryData<OnlineList>(presenceKeys.online, { items: list.items.filter((c) => c.user.id !== signal.userId) });
  } else if (known) {
    const status = signal.status;
    queryClient.setQueryData<OnlineList>(presenceKeys.online, {
      items: list.items.map((c) => (c.user.id === signal.userId ? { ...c, status } : c)),
    });
  } else {
    // Someone new: the event has no name or photo, so ask the server (which also applies who may see whom).
    void queryClient.invalidateQueries({ queryKey: presenceKeys.online });
  }
}

/** Keeps the cached presence answers current from the `presence` socket events (mounted once, in the shell). */
export function usePresenceUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => subscribePresence((signal) => applyPresence(queryClient, signal)), [queryClient]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = subscribeArrivals((signal) => {
      const list = queryClient.getQueryData<OnlineList>(presenceKeys.online);
      if (!list || timer) return;
      const known = new Set(list.items.map((c) => c.user.id));
      const newcomer = signal.more || signal.userIds.some((id) => !known.has(id));
      // A full list stays as it is until its next refetch; otherwise refetch, spread over a second so that
      // a whole company coming online does not ask at the same instant.
      if (!newcomer || list.items.length >= ONLINE_LIMIT) return;
      timer = setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: presenceKeys.online });
      }, Math.random() * 1000);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient]);
}
