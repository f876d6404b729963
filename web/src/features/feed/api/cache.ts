import type { Post } from '@innenhof/contract';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { FeedPage } from './get-feed.ts';
import { feedKeys } from './keys.ts';

type Lists = InfiniteData<FeedPage, string | undefined>;

function mapLists(queryClient: QueryClient, fn: (posts: Post[]) => Post[]): void {
  queryClient.setQueriesData<Lists>({ queryKey: feedKeys.lists }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: fn(page.items), pinned: fn(page.pinned) })) } : data,
  );
}

/** A fresh copy of a post from the server replaces the old one wherever it is shown. */
export function putPost(queryClient: QueryClient, post: Post): void {
  mapLists(queryClient, (posts) => posts.map((p) => (p.id === post.id ? post : p)));
  queryClient.setQueryData(feedKeys.post(post.id), post);
}

/** A post that is gone (deleted, or no longer visible) leaves every list. */
export function dropPost(queryClient: QueryClient, id: string): void {
  mapLists(queryClient, (posts) => posts.filter((p) => p.id !== id));
  queryClient.removeQueries({ queryKey: feedKeys.post(id) });
}

/** Whether a post is on screen anywhere (in a cached list or as a single post). */
export function isPostCached(queryClient: QueryClient, id: string): boolean {
  if (queryClient.getQueryData(feedKeys.post(id))) return true;
  return queryClient
    .getQueriesData<Lists>({ queryKey: feedKeys.lists })
    .some(([, data]) => data?.pages.some((page) => page.items.some((p) => p.id === id) || page.pinned.some((p) => p.id === id)));
}
