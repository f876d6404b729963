import type { Post } from '@innenhof/contract';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, isApiError } from '../../../lib/api-client.ts';
import { subscribeRealtime } from '../../../lib/realtime.ts';
import { dropPost, isPostCached, putPost } from '../api/cache.ts';
import { refreshComments } from '../api/comments.ts';
import { feedKeys } from '../api/keys.ts';

type CreatedListener = (post: Post) => void;

const createdListeners = new Set<CreatedListener>();
let users = 0;
let stop: (() => void) | null = null;

/**
 * One subscription for all feeds on screen. The server sends invalidations only (`post.*`, `comment.*`,
 * `announcement.reminded` with the post id): posts on screen are fetched again and patched in place; new posts are *announced* to the
 * lists (a "New posts" pill) instead of pushing the page down.
 */
function start(queryClient: QueryClient): () => void {
  const pending = new Map<string, Set<string>>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const refetchPost = async (id: string) => {
    try {
      putPost(queryClient, await api<Post>(`/posts/${encodeURIComponent(id)}`));
    } catch (error) {
      if (isApiError(error, 'not_found')) dropPost(queryClient, id);
    }
  };

  const handle = async (id: string, types: Set<string>) => {
    if (types.has('post.deleted')) {
      dropPost(queryClient, id);
      return;
    }
    if (types.has('post.created') && !isPostCached(queryClient, id)) {
      try {
        const post = await api<Post>(`/posts/${encodeURIComponent(id)}`);
        for (const listener of createdListeners) listener(post);
      } catch {
        // Not visible to me after all.
      }
      return;
    }
    if (!isPostCached(queryClient, id)) return;
    if ([...types].some((type) => type.startsWith('comment.'))) await refreshComments(queryClient, id);
    else await refetchPost(id);
    void queryClient.invalidateQueries({ queryKey: feedKeys.versions(id) });
    void queryClient.invalidateQueries({ queryKey: feedKeys.confirmations(id) });
    void queryClient.invalidateQueries({ queryKey: feedKeys.reactorsOf(id) });
  };

  const flush = () => {
    timer = null;
    const batch = [...pending];
    pending.clear();
    for (const [id, types] of batch) void handle(id, types);
  };

  return subscribeRealtime((message) => {
    if (message.kind !== 'event') return;
    let { type, subjectId } = message.event;
    // An event with a post in the feed: its card shows the event (answers, cancellation), so it is that post's news.
    if (type.startsWith('event.')) {
      const postId = (message.event.data as { postId?: unknown } | undefined)?.postId;
      if (typeof postId !== 'string') return;
      subjectId = postId;
      type = type === 'event.created' ? 'post.created' : 'post.updated';
    }
    // `announcement.reminded`: the post on screen is fetched again and the confirmations dialog shows the new
    // "last reminded"; the reminder itself is the app shell's (ConfirmationReminders), on every page.
    if (!subjectId || !(type.startsWith('post.') || type.startsWith('comment.') || type === 'announcement.reminded')) return;
    const types = pending.get(subjectId) ?? new Set<string>();
    types.add(type);
    pending.set(subjectId, types);
    if (!timer) timer = setTimeout(flush, 80);
  });
}

/** Keeps the posts on screen live; `onCreated` hears of posts that someone else just created. */
export function useFeedLive(onCreated?: CreatedListener): void {
  const queryClient = useQueryClient();
  const callback = useRef(onCreated);
  callback.current = onCreated;
  useEffect(() => {
    const listener: CreatedListener = (post) => callback.current?.(post);
    createdListeners.add(listener);
    if (users++ === 0) stop = start(queryClient);
    return () => {
      createdListeners.delete(listener);
      if (--users === 0) {
        stop?.();
        stop = null;
      }
    };
  }, [queryClient]);
}
