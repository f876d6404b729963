import type { Event } from '@innenhof/contract';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { IconPlus } from '../../../components/ui/icons.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import type { EventListFilter } from '../api/keys.ts';
import { useEventList } from '../api/list-events.ts';
import { useViewerTimeZoneState } from '../api/viewer-time-zone.ts';
import { eventLink, EventRow } from './event-bits.tsx';
import { EventDialog } from './event-dialog.tsx';
import { MonthCalendar } from './month-calendar.tsx';
import '../events.css';

const route = getRouteApi('/_app/events');

/** `/events`: upcoming events, the month calendar, or mine; "Create event" and "Lunch today" on top. */
export function EventsPage() {
  const { t } = useTranslation('events');
  const me = useMe();
  const { view, month } = route.useSearch();
  const navigate = useNavigate();
  const zone = useViewerTimeZoneState();
  const [creating, setCreating] = useState<null | 'event' | 'lunch'>(null);
  const canCreate = me.user.role !== 'guest';
  const onSaved = (event: Event) => {
    setCreating(null);
    void navigate(eventLink(event));
  };
  const tabs = [
    { key: 'upcoming', label: t('tabs.upcoming'), search: {} },
    { key: 'calendar', label: t('tabs.calendar'), search: { view: 'calendar' as const, month } },
    { key: 'mine', label: t('tabs.mine'), search: { view: 'mine' as const } },
  ];
  const current = view ?? 'upcoming';
  return (
    <div className="stack events-page">
      <PageHeader
        title={t('title')}
        actions={
          canCreate ? (
            <>
              <button type="button" className="button" disabled={!zone.ready} onClick={() => setCreating('lunch')}>
                {t('lunch.button')}
              </button>
              <button type="button" className="button button--primary" disabled={!zone.ready} onClick={() => setCreating('event')}>
                <IconPlus width={18} height={18} />
                <span>{t('create')}</span>
              </button>
            </>
          ) : null
        }
      />
      <nav className="tabs card events-page__tabs" aria-label={t('tabs.label')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link to="/events" search={tab.search} className="tabs__link" activeOptions={{ exact: true, includeSearch: true }}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current === 'calendar' ? (
        <MonthCalendar month={month} />
      ) : (
        <EventList
          filter={current === 'mine' ? { kind: 'mine' } : { kind: 'upcoming' }}
          empty={current === 'mine' ? t('empty.mine') : t('empty.upcoming')}
          label={current === 'mine' ? t('tabs.mine') : t('tabs.upcoming')}
        />
      )}
      {creating ? <EventDialog lunch={creating === 'lunch'} onClose={() => setCreating(null)} onSaved={onSaved} /> : null}
    </div>
  );
}

/** A paged list of events (upcoming, mine, a colleague's). */
export function EventList({ filter, empty, label, limit }: { filter: EventListFilter; empty: string; label: string; limit?: number }) {
  const { t } = useTranslation('events');
  const list = useEventList(filter, limit);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card event-list" aria-label={label}>
      {list.isPending ? <p className="muted">{t('loading')}</p> : null}
      {list.isError ? <Alert tone="error">{errorMessage(t, list.error)}</Alert> : null}
      {list.isSuccess && !items.length ? <p className="empty muted">{empty}</p> : null}
      {items.length ? (
        <ul className="plain-list event-list__items">
          {items.map((event) => (
            <li key={`${event.id}:${event.occurrence ?? ''}`}>
              <EventRow event={event} />
            </li>
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <button type="button" className="button button--block" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('loadMore')}
        </button>
      ) : null}
    </section>
  );
}
