import type { ConfirmationList, Post, ReactionKind, UserSummary } from '@innenhof/contract';
import { queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { feedKeys } from './keys.ts';

export const postQueryOptions = (id: string) =>
  queryOptions({ queryKey: feedKeys.post(id), queryFn: ({ signal }) => api<Post>(`/posts/${encodeURIComponent(id)}`, { signal }) });

export function usePost(id: string) {
  return useQuery(postQueryOptions(id));
}

export function usePostVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: feedKeys.versions(id),
    queryFn: ({ signal }) => api<{ items: { body: string; editedAt: string }[] }>(`/posts/${encodeURIComponent(id)}/versions`, { signal }),
    enabled,
  });
}

export type Reactor = { user: UserSummary; kind: ReactionKind };

/** Who reacted, newest first, 50 at a time; `kind` narrows to one reaction (a tab of the dialog). */
export function useReactors(postId: string, commentId: string | null, kind: ReactionKind | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: feedKeys.reactorsTab(postId, commentId, kind),
    queryFn: ({ pageParam, signal }) =>
      api<{ items: Reactor[]; nextCursor: string | null }>(`/posts/${encodeURIComponent(postId)}/reactions`, {
        query: { commentId, kind, cursor: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useConfirmations(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: feedKeys.confirmations(postId),
    queryFn: ({ signal }) => api<ConfirmationList>(`/posts/${encodeURIComponent(postId)}/confirmations`, { signal }),
    enabled,
  });
}
