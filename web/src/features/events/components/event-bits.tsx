import type { Event } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type EventFormat, useEventFormat } from '../lib/use-event-format.ts';

/** The calendar-sheet tile: month above, day below. */
export function DateTile({ event, format }: { event: Event; format: EventFormat }) {
  const tile = format.tile(event);
  return (
    <span className="date-tile" aria-hidden="true">
      <span className="date-tile__month">{tile.month}</span>
      <span className="date-tile__day">{tile.day}</span>
    </span>
  );
}

/** "3 going · 2 of 10 places" (the counts a list shows). */
export function useCountsText() {
  const { t } = useTranslation('events');
  return (event: Event): string => {
    const parts = [t('counts.going', { count: event.counts.going })];
    if (event.counts.maybe) parts.push(t('counts.maybe', { count: event.counts.maybe }));
    if (event.capacity) parts.push(t('counts.places', { taken: Math.min(event.counts.going, event.capacity), count: event.capacity }));
    if (event.counts.waiting) parts.push(t('counts.waiting', { count: event.counts.waiting }));
    return parts.join(' · ');
  };
}

/** The path parameters of an event's page (one occurrence of a recurring event). */
export function eventLink(event: Pick<Event, 'id' | 'occurrence' | 'recurrence'>) {
  return {
    to: '/events/$eventId' as const,
    params: { eventId: event.id },
    search: event.recurrence && event.occurrence ? { occurrence: event.occurrence } : {},
  };
}

/** One event in a list: date tile, title (the link), when, where, counts. */
export function EventRow({ event, headingLevel = 3 }: { event: Event; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation('events');
  const format = useEventFormat();
  const counts = useCountsText();
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 4 ? 'h4' : 'h3';
  const where = [event.location, event.onlineUrl ? t('online') : null].filter(Boolean).join(' · ');
  return (
    <article className={`event-row${event.cancelledAt ? ' event-row--cancelled' : ''}`}>
      <DateTile event={event} format={format} />
      <div className="event-row__text">
        <Heading className="event-row__title">
          <Link {...eventLink(event)}>{event.title}</Link>
        </Heading>
        <p className="event-row__when">
          {event.cancelledAt ? <span className="badge badge--expired">{t('cancelled')}</span> : null} {format.when(event, 'short')}
          {event.recurrence ? <span className="muted"> · {t('repeats')}</span> : null}
        </p>
        {where ? <p className="event-row__where muted small">{where}</p> : null}
        <p className="event-row__counts muted small">
          {counts(event)}
          {event.myRsvp ? <span className="event-row__mine"> · {t(`mine.${event.myRsvp}`)}</span> : null}
        </p>
      </div>
    </article>
  );
}
