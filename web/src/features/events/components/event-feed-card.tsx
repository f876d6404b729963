import type { Event } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useEvent } from '../api/get-event.ts';
import { useEventFormat } from '../lib/use-event-format.ts';
import { DateTile, eventLink, useCountsText } from './event-bits.tsx';
import { RsvpButtons } from './rsvp-buttons.tsx';
import '../events.css';

/**
 * The event inside its feed post: date tile, title, time, place, counts and the RSVP buttons. It starts from the
 * post's copy and follows the event's own cache entry, so answers and live updates show here too.
 */
export function EventFeedCard({ event: initial }: { event: Event }) {
  const { t } = useTranslation('events');
  const format = useEventFormat();
  const counts = useCountsText();
  const event = useEvent(initial.id, initial.occurrence, initial).data ?? initial;
  const zoneNote = format.inEventZone(event);
  return (
    <div className={`event-feed-card${event.cancelledAt ? ' event-feed-card--cancelled' : ''}`}>
      {event.coverUrl ? <img className="event-feed-card__cover" src={event.coverUrl} alt="" loading="lazy" /> : null}
      <div className="event-feed-card__main">
        <DateTile event={event} format={format} />
        <div className="event-feed-card__text">
          <p className="event-feed-card__title">
            <Link {...eventLink(event)}>{event.title}</Link>
          </p>
          <p className="event-feed-card__when">
            {event.cancelledAt ? <span className="badge badge--expired">{t('cancelled')}</span> : null} {format.when(event, 'short')}
            {zoneNote ? <span className="muted small"> · {zoneNote}</span> : null}
          </p>
          {event.location ? <p className="muted small">{event.location}</p> : null}
          <p className="muted small">{counts(event)}</p>
        </div>
      </div>
      <RsvpButtons event={event} small />
    </div>
  );
}
