import type { ConfirmationList, ConfirmationReminder, CreatePost, Post, ReactionKind, UpdatePost } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { dropPost, putPost } from './cache.ts';
import { feedKeys } from './keys.ts';

const postPath = (id: string) => `/posts/${encodeURIComponent(id)}`;

/** `POST /posts`; the lists refetch (my own new post appears at the top at once). */
export function useCreatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePost) => api<Post>('/posts', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKeys.lists }),
  });
}

export function useUpdatePost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePost) => api<Post>(postPath(id), { method: 'PATCH', body: input }),
    onSuccess: (post, input) => {
      putPost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: feedKeys.versions(id) });
      // Pinning moves the post between `pinned` and `items`: the lists decide.
      if (input.pinned !== undefined) void queryClient.invalidateQueries({ queryKey: feedKeys.lists });
    },
  });
}

export function useDeletePost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(postPath(id), { method: 'DELETE' }),
    onSuccess: () => dropPost(queryClient, id),
  });
}

export function useReactToPost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: ReactionKind | null) =>
      kind ? api<Post>(`${postPath(id)}/reaction`, { method: 'PUT', body: { kind } }) : api<Post>(`${postPath(id)}/reaction`, { method: 'DELETE' }),
    onSuccess: (post) => {
      putPost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: feedKeys.reactors(id, null) });
    },
  });
}

export function useSavePost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (saved: boolean) => api<void>(`${postPath(id)}/saved`, { method: saved ? 'PUT' : 'DELETE' }),
    onSuccess: async () => {
      const post = await api<Post>(postPath(id));
      putPost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: feedKeys.list({ kind: 'saved' }) });
    },
  });
}

export function useConfirmPost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Post>(`${postPath(id)}/confirmations`, { method: 'POST' }),
    onSuccess: (post) => putPost(queryClient, post),
  });
}

/** "Remind the rest": the readers who have not confirmed get a reminder (once an hour at most: 429 otherwise). */
export function useRemindUnconfirmed(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<ConfirmationReminder>(`${postPath(id)}/confirmations/reminders`, { method: 'POST' }),
    onSuccess: (result) => {
      queryClient.setQueryData<ConfirmationList>(feedKeys.confirmations(id), (list) => (list ? { ...list, remindedAt: result.remindedAt } : list));
    },
  });
}

/** `POST /posts/:id/reports {reason}`: the admins review it. */
export function useReportPost(id: string) {
  return useMutation({
    mutationFn: (reason: string) => api<{ id: string }>(`${postPath(id)}/reports`, { method: 'POST', body: { reason } }),
  });
}
