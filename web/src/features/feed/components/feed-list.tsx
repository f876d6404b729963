import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { api } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { type FeedPage, useFeed } from '../api/get-feed.ts';
import { type FeedSource, feedKeys, feedPath } from '../api/keys.ts';
import { useFeedLive } from '../hooks/use-feed-live.ts';
import { PostCard } from './post-card.tsx';
import './feed.css';

export function PostSkeleton() {
  return (
    <div className="card post post--skeleton" aria-hidden="true">
      <div className="post__header">
        <span className="skeleton skeleton--circle" />
        <span className="skeleton-lines">
          <span className="skeleton skeleton--line skeleton--short" />
          <span className="skeleton skeleton--line skeleton--tiny" />
        </span>
      </div>
      <span className="skeleton skeleton--line" />
      <span className="skeleton skeleton--line skeleton--mid" />
    </div>
  );
}

/**
 * A feed: pinned posts first, then keyset pages loaded as the end comes into view (a "Load more" button
 * as well). New posts by others do not push the page down: a "New posts (3)" pill shows them on request.
 */
export function FeedList({ source, label, empty }: { source: FeedSource; label: string; empty: string }) {
  const { t } = useTranslation('feed');
  const me = useMe();
  const queryClient = useQueryClient();
  const feed = useFeed(source);
  const [fresh, setFresh] = useState<string[]>([]);
  const sentinel = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);

  // Someone posted: ask this feed's first page which posts are new here (the server knows what belongs in it —
  // follows, groups, hashtags), without touching the list on screen.
  useFeedLive((post) => {
    if (post.author?.id === me.user.id || source.kind === 'saved') return;
    void api<FeedPage>(feedPath(source), { query: { limit: 10 } }).then(
      (page) => {
        const cached = queryClient.getQueryData<InfiniteData<FeedPage>>(feedKeys.list(source));
        const known = new Set(cached?.pages.flatMap((p) => [...p.items, ...p.pinned].map((item) => item.id)) ?? []);
        const news = [...page.pinned, ...page.items].filter((p) => !known.has(p.id) && p.author?.id !== me.user.id).map((p) => p.id);
        if (news.length) setFresh((ids) => [...new Set([...ids, ...news])]);
      },
      () => {},
    );
  });

  // A different feed (another group or profile): forget the pill.
  const sourceKey = JSON.stringify(source);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the source changes.
  useEffect(() => setFresh([]), [sourceKey]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const showFresh = async () => {
    setFresh([]);
    await queryClient.resetQueries({ queryKey: feedKeys.list(source) });
    top.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    window.scrollTo({ top: 0, behavior: 'smooth' });
    top.current?.focus({ preventScroll: true });
  };

  const pinned = feed.data?.pages[0]?.pinned ?? [];
  const pinnedIds = new Set(pinned.map((p) => p.id));
  const seen = new Set<string>();
  const items = (feed.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => {
    if (pinnedIds.has(p.id) || seen.has(p.id)) return false;
    seen.add(p.id);
    return true;
  });

  return (
    <div className="feed">
      <div ref={top} tabIndex={-1} className="feed__top" />
      {fresh.length ? (
        <div className="feed__pill-wrap">
          <button type="button" className="feed__pill" onClick={() => void showFresh()}>
            ↑ {t('newPosts', { count: fresh.length })}
          </button>
        </div>
      ) : null}
      {feed.isPending ? (
        <div className="stack" role="status" aria-label={t('common:loading')}>
          <PostSkeleton />
          <PostSkeleton />
        </div>
      ) : feed.isError ? (
        <Alert tone="error">
          {errorMessage(t, feed.error)}{' '}
          <button type="button" className="link-button" onClick={() => void feed.refetch()}>
            {t('retry')}
          </button>
        </Alert>
      ) : !items.length && !pinned.length ? (
        <section className="card empty feed__empty">
          <p>{empty}</p>
        </section>
      ) : (
        <div role="feed" aria-label={label} aria-busy={feed.isFetching} className="stack feed__list">
          {pinned.map((post) => (
            <PostCard key={`pinned-${post.id}`} post={post} pinned />
          ))}
          {items.map((post) => (
            <PostCard key={post.id} post={post} />
          ))}
        </div>
      )}
      <div ref={sentinel} className="feed__sentinel" />
      {feed.hasNextPage ? (
        <button type="button" className="button button--block feed__more" disabled={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
          {feed.isFetchingNextPage ? t('common:loading') : t('loadMore')}
        </button>
      ) : feed.data && items.length > 3 ? (
        <p className="muted small center">{t('end')}</p>
      ) : null}
    </div>
  );
}
