import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useNextEvents } from '../api/list-events.ts';
import { useEventFormat } from '../lib/use-event-format.ts';
import { DateTile, eventLink } from './event-bits.tsx';
import '../events.css';

/** The right column of the feed: the next three events I can see. */
export function UpcomingEventsCard({ headingId }: { headingId: string }) {
  const { t } = useTranslation('events');
  const format = useEventFormat();
  const events = useNextEvents({ kind: 'upcoming' }, 3);
  const items = events.data?.items ?? [];
  return (
    <section className="card upcoming-events" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('upcoming.title')}
      </h2>
      {events.isSuccess && !items.length ? <p className="muted small">{t('upcoming.empty')}</p> : null}
      <ul className="plain-list upcoming-events__list">
        {items.map((event) => (
          <li key={`${event.id}:${event.occurrence ?? ''}`} className="upcoming-events__item">
            <DateTile event={event} format={format} />
            <span className="upcoming-events__text">
              <Link {...eventLink(event)} className="upcoming-events__title">
                {event.title}
              </Link>
              <span className="muted small">
                {event.allDay ? t('allDay') : format.time(event.startsAt)}
                {event.location ? ` · ${event.location}` : ''}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/events">{t('upcoming.all')}</Link>
      </p>
    </section>
  );
}
