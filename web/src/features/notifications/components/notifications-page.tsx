import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { type NotificationFilter, useNotifications } from '../api/list-notifications.ts';
import { useMarkAllRead } from '../api/mark-all-read.ts';
import { useUnreadNotifications } from '../api/get-unread-count.ts';
import { NotificationList } from './notification-list.tsx';
import './notifications.css';

const PAGE_SIZE = 20;
const filters: NotificationFilter[] = ['all', 'unread'];

/** `/notifications`: every notification or the unread ones, more pages as the reader scrolls (or presses "Load more"). */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [filter, setFilter] = useState<NotificationFilter>('all');
  const unread = useUnreadNotifications();
  const markAll = useMarkAllRead();
  const list = useNotifications(filter, PAGE_SIZE);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const listId = useId();
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  // Infinite scroll: the next page loads when the end of the list comes into view.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <div className="stack">
      <PageHeader title={t('title')} />
      <section className="card card--flush notifications-page" aria-labelledby={listId}>
        <h2 id={listId} className="visually-hidden">
          {t(`filter.${filter}`)}
        </h2>
        <div className="notifications-page__toolbar">
          <fieldset className="notifications-page__filters">
            <legend className="visually-hidden">{t('filter.label')}</legend>
            {filters.map((value) => (
              <button key={value} type="button" className="notifications-page__filter" aria-pressed={filter === value} onClick={() => setFilter(value)}>
                {t(`filter.${value}`)}
              </button>
            ))}
          </fieldset>
          <button
            type="button"
            className="link-button notifications-page__mark-all"
            disabled={unread === 0 || markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('markAllRead')}
          </button>
        </div>
        {list.isPending ? (
          <Spinner label={t('loading')} />
        ) : list.isError ? (
          <div className="notification-panel__empty">
            <p>{t('loadError')}</p>
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('retry')}
            </button>
          </div>
        ) : items.length === 0 ? (
          <p className="notification-panel__empty muted">{filter === 'unread' ? t('emptyUnread') : t('empty')}</p>
        ) : (
          <NotificationList items={items} labelledBy={listId} />
        )}
        <div ref={sentinel} />
        {hasNextPage ? (
          <div className="center">
            <button type="button" className="button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
              {isFetchingNextPage ? t('loading') : t('loadMore')}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
