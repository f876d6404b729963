import type { Comment, Post, ReactionKind } from '@innenhof/contract';
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { putPost } from './cache.ts';
import { feedKeys } from './keys.ts';

type CommentPage = { items: Comment[]; nextCursor: string | null };

const commentsPath = (postId: string) => `/posts/${encodeURIComponent(postId)}/comments`;

/** The first page of "View more comments" also covers the (up to) two shown with the post. */
export const FIRST_COMMENTS_PAGE = 12;
export const COMMENTS_PAGE = 10;

/**
 * A post's top-level comments, paged backwards from the newest (`order=newest`; each page newest first):
 * "View N more comments" prepends the next older page. Refetching (after any change) starts again from the
 * newest with as many pages, so a new comment never leaves a gap.
 */
export const topCommentsQueryOptions = (postId: string) =>
  infiniteQueryOptions({
    queryKey: feedKeys.comments(postId, null),
    queryFn: ({ pageParam, signal }) =>
      api<CommentPage>(commentsPath(postId), {
        query: { order: 'newest', cursor: pageParam, limit: pageParam ? COMMENTS_PAGE : FIRST_COMMENTS_PAGE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useTopComments(postId: string, enabled: boolean) {
  return useInfiniteQuery({ ...topCommentsQueryOptions(postId), enabled });
}

/** The replies to one comment (one level), oldest first. */
export const repliesQueryOptions = (postId: string, parentId: string) =>
  infiniteQueryOptions({
    queryKey: feedKeys.comments(postId, parentId),
    queryFn: ({ pageParam, signal }) => api<CommentPage>(commentsPath(postId), { query: { parentId, cursor: pageParam, limit: 20 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useReplies(postId: string, parentId: string, enabled: boolean) {
  return useInfiniteQuery({ ...repliesQueryOptions(postId, parentId), enabled });
}

/** After any comment change: the comment lists and the post (count, latest comments) are fetched again. */
export async function refreshComments(queryClient: ReturnType<typeof useQueryClient>, postId: string): Promise<void> {
  void queryClient.invalidateQueries({ queryKey: feedKeys.commentsOf(postId) });
  try {
    putPost(queryClient, await api<Post>(`/posts/${encodeURIComponent(postId)}`));
  } catch {
    // The post went away meanwhile: the live update removes it.
  }
}

export function useCreateComment(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; parentId?: string; mentions?: string[] }) => api<Comment>(commentsPath(postId), { method: 'POST', body: input }),
    onSuccess: () => refreshComments(queryClient, postId),
  });
}

export function useUpdateComment(postId: string, commentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; mentions?: string[] }) =>
      api<Comment>(`${commentsPath(postId)}/${encodeURIComponent(commentId)}`, { method: 'PATCH', body: input }),
    onSuccess: () => refreshComments(queryClient, postId),
  });
}

export function useDeleteComment(postId: string, commentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`${commentsPath(postId)}/${encodeURIComponent(commentId)}`, { method: 'DELETE' }),
    onSuccess: () => refreshComments(queryClient, postId),
  });
}

export function useReactToComment(postId: string, commentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: ReactionKind | null) => {
      const path = `${commentsPath(postId)}/${encodeURIComponent(commentId)}/reaction`;
      return kind ? api<Comment>(path, { method: 'PUT', body: { kind } }) : api<Comment>(path, { method: 'DELETE' });
    },
    onSuccess: () => refreshComments(queryClient, postId),
  });
}
