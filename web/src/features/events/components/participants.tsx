import type { Event, RsvpStatus } from '@innenhof/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { PersonLink } from './person-link.tsx';
import { useParticipants } from '../api/participants.ts';

const statuses: RsvpStatus[] = ['going', 'maybe', 'waiting', 'declined'];

/** Who answered, one tab per answer (the waiting list in its order). */
export function Participants({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const [tab, setTab] = useState<RsvpStatus>('going');
  const list = useParticipants(event.id, event.occurrence, tab, event.abilities.seeParticipants);
  if (!event.abilities.seeParticipants) return null;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card participants" aria-labelledby="participants-title">
      <h2 id="participants-title" className="card__title">
        {t('participants.title')}
      </h2>
      <div className="participants__tabs" role="tablist" aria-label={t('participants.title')}>
        {statuses.map((status) => (
          <button
            key={status}
            type="button"
            role="tab"
            id={`participants-tab-${status}`}
            aria-selected={tab === status}
            aria-controls="participants-panel"
            className="participants__tab"
            onClick={() => setTab(status)}
          >
            {t(`participants.${status}`)} <span className="participants__count">{event.counts[status]}</span>
          </button>
        ))}
      </div>
      <div id="participants-panel" role="tabpanel" aria-labelledby={`participants-tab-${tab}`} className="participants__panel">
        {list.isError ? <Alert tone="error">{errorMessage(t, list.error)}</Alert> : null}
        {list.isSuccess && !items.length ? <p className="muted">{t('participants.none')}</p> : null}
        {items.length ? (
          <ol className="plain-list participants__list">
            {items.map((p) => (
              <li key={p.user.id} className="participants__item">
                {p.position ? <span className="participants__place">{p.position}.</span> : null}
                <PersonLink user={p.user} />
              </li>
            ))}
          </ol>
        ) : null}
        {list.hasNextPage ? (
          <button type="button" className="button button--small" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('loadMore')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
