import type { Post } from '@innenhof/contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type FeedSource, feedKeys, feedPath } from './keys.ts';

export type FeedPage = { items: Post[]; pinned: Post[]; nextCursor: string | null };

/** A feed in keyset pages (`pinned` comes with every page; the first page's is shown). */
export const feedQueryOptions = (source: FeedSource) =>
  infiniteQueryOptions({
    queryKey: feedKeys.list(source),
    queryFn: ({ pageParam, signal }) => api<FeedPage>(feedPath(source), { query: { cursor: pageParam, limit: 10 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Live events patch the cached posts; a refetch of the whole list happens only on request ("New posts").
    staleTime: 5 * 60_000,
  });

export function useFeed(source: FeedSource) {
  return useInfiniteQuery(feedQueryOptions(source));
}
