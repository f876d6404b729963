import type { CastVote, Event as CalendarEvent, Poll, Post, PollToEvent, UpdatePoll } from '@innenhof/contract';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { putPost } from '../../feed/api/cache.ts';
import type { FeedPage } from '../../feed/api/get-feed.ts';
import { feedKeys } from '../../feed/api/keys.ts';

const pollPath = (id: string) => `/polls/${encodeURIComponent(id)}`;

/** The cached post a poll belongs to (as a single post or in any list), if it is on screen. */
function cachedPost(queryClient: QueryClient, postId: string): Post | undefined {
  const single = queryClient.getQueryData<Post>(feedKeys.post(postId));
  if (single) return single;
  for (const [, data] of queryClient.getQueriesData<{ pages: FeedPage[] }>({ queryKey: feedKeys.lists })) {
    for (const page of data?.pages ?? []) {
      const found = page.items.find((p) => p.id === postId) ?? page.pinned.find((p) => p.id === postId);
      if (found) return found;
    }
  }
  return undefined;
}

/** Every route answers with the updated poll: it replaces the old one in the post wherever the post is shown. */
export function putPoll(queryClient: QueryClient, poll: Poll): void {
  const post = cachedPost(queryClient, poll.postId);
  if (post) putPost(queryClient, { ...post, poll });
}

function usePollMutation<Input>(pollId: string, request: (input: Input) => Promise<Poll>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['polls', pollId],
    mutationFn: request,
    onSuccess: (poll) => putPoll(queryClient, poll),
  });
}

/** `POST /polls/:id/votes` replaces my vote (choice: option ids; date poll: an answer per slot). */
export function useCastVote(pollId: string) {
  return usePollMutation(pollId, (input: CastVote) => api<Poll>(`${pollPath(pollId)}/votes`, { method: 'POST', body: input }));
}

/** `DELETE /polls/:id/votes`: my vote is withdrawn. */
export function useWithdrawVote(pollId: string) {
  return usePollMutation(pollId, () => api<Poll>(`${pollPath(pollId)}/votes`, { method: 'DELETE' }));
}

export function useAddPollOption(pollId: string) {
  return usePollMutation(pollId, (input: { label?: string; startsAt?: string; endsAt?: string | null }) =>
    api<Poll>(`${pollPath(pollId)}/options`, { method: 'POST', body: input }),
  );
}

/** The author closes early, reopens, or moves the deadline or reminder. */
export function useUpdatePoll(pollId: string) {
  return usePollMutation(pollId, (input: UpdatePoll) => api<Poll>(pollPath(pollId), { method: 'PATCH', body: input }));
}

/** Date polls: the chosen slot becomes an event (the poll then links to it). */
export function usePollToEvent(pollId: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PollToEvent) => api<CalendarEvent>(`${pollPath(pollId)}/event`, { method: 'POST', body: input }),
    onSuccess: async () => {
      // The poll now knows its event: fetch the post again.
      try {
        putPost(queryClient, await api<Post>(`/posts/${encodeURIComponent(postId)}`));
      } catch {
        // Shown again on the next refetch.
      }
    },
  });
}

/** Where the author downloads the results. */
export const exportCsvUrl = (pollId: string) => `/api/v1${pollPath(pollId)}/export.csv`;
