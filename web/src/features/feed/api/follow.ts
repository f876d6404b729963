import type { UserSummary } from '@innenhof/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { feedKeys } from './keys.ts';

/** `GET /users/:id/followers`: how many follow someone and whether I do. */
export function useFollowers(userId: string) {
  return useQuery({
    queryKey: feedKeys.followers(userId),
    queryFn: ({ signal }) => api<{ count: number; following: boolean; items: UserSummary[] }>(`/users/${encodeURIComponent(userId)}/followers`, { signal }),
    retry: false,
  });
}

/** `GET /hashtags/:tag`: how many posts I can read carry it, and whether I follow it. */
export function useHashtagInfo(tag: string) {
  return useQuery({
    queryKey: feedKeys.hashtag(tag),
    queryFn: ({ signal }) => api<{ tag: string; postCount: number; following: boolean }>(`/hashtags/${encodeURIComponent(tag)}`, { signal }),
    retry: false,
  });
}

/** `PUT/DELETE /users/:id/follow` and `/hashtags/:tag/follow`. */
export function useFollow(kind: 'user' | 'hashtag', id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) =>
      api<void>(`/${kind === 'user' ? 'users' : 'hashtags'}/${encodeURIComponent(id)}/follow`, { method: follow ? 'PUT' : 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: kind === 'user' ? feedKeys.followers(id) : feedKeys.hashtag(id) });
      void queryClient.invalidateQueries({ queryKey: feedKeys.list({ kind: 'home' }) });
    },
  });
}
