import type { Post, UserSummary } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
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

export type Reactor = { user: UserSummary; kind: string };

export function useReactors(postId: string, commentId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: feedKeys.reactors(postId, commentId),
    queryFn: ({ signal }) => api<{ items: Reactor[] }>(`/posts/${encodeURIComponent(postId)}/reactions`, { query: { commentId }, signal }),
    enabled,
  });
}

type Confirmation = { user: UserSummary; confirmedAt: string | null };

export function useConfirmations(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: feedKeys.confirmations(postId),
    queryFn: ({ signal }) => api<{ confirmed: Confirmation[]; pending: Confirmation[] }>(`/posts/${encodeURIComponent(postId)}/confirmations`, { signal }),
    enabled,
  });
}
