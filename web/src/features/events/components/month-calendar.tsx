import type { Event } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { IconChevronRight } from '../../../components/ui/icons.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useEventList } from '../api/list-events.ts';
import { addDays, addMonths, eventDays, monthGrid, todayIn } from '../lib/time.ts';
import { useEventFormat } from '../lib/use-event-format.ts';
import { eventLink, EventRow } from './event-bits.tsx';

/**
 * The month calendar: weeks from Monday, each day with its events (in the reader's time zone), previous and
 * next month. On phones the grid becomes a list of the days that have events.
 */
export function MonthCalendar({ month: chosen }: { month?: string }) {
  const { t } = useTranslation('events');
  const format = useEventFormat();
  const today = todayIn(format.zone);
  const month = chosen && /^\d{4}-\d{2}$/.test(chosen) ? chosen : today.slice(0, 7);
  const weeks = useMemo(() => monthGrid(month), [month]);
  const first = weeks[0]?.[0] ?? `${month}-01`;
  const last = weeks.at(-1)?.[6] ?? `${month}-28`;
  // A day of margin on both sides: the grid's days are in the reader's zone, the range is in UTC.
  const list = useEventList({ kind: 'range', from: `${addDays(first, -1)}T00:00:00.000Z`, to: `${addDays(last, 2)}T00:00:00.000Z` }, 200);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const byDay = useMemo(() => {
    const map = new Map<string, Event[]>();
    for (const event of list.data?.pages.flatMap((p) => p.items) ?? []) {
      for (const day of eventDays(event, format.zone)) {
        if (day < first || day > last) continue;
        const bucket = map.get(day) ?? [];
        bucket.push(event);
        map.set(day, bucket);
      }
    }
    return map;
  }, [list.data, format.zone, first, last]);
  const daysWithEvents = [...byDay.keys()].filter((day) => day.startsWith(month)).sort();
  const weekdays = format.weekdays();
  const title = format.month(month);

  return (
    <section className="card calendar" aria-labelledby="calendar-title">
      <header className="calendar__header">
        <Link to="/events" search={{ view: 'calendar', month: addMonths(month, -1) }} className="icon-button calendar__prev">
          <IconChevronRight width={20} height={20} className="calendar__back-icon" />
          <span className="visually-hidden">{t('calendar.previous')}</span>
        </Link>
        <h2 id="calendar-title" className="calendar__title" aria-live="polite">
          {title}
        </h2>
        <Link to="/events" search={{ view: 'calendar', month: addMonths(month, 1) }} className="icon-button calendar__next">
          <IconChevronRight width={20} height={20} />
          <span className="visually-hidden">{t('calendar.next')}</span>
        </Link>
        {month !== today.slice(0, 7) ? (
          <Link to="/events" search={{ view: 'calendar' }} className="button button--small">
            {t('calendar.today')}
          </Link>
        ) : null}
      </header>
      {list.isError ? <Alert tone="error">{errorMessage(t, list.error)}</Alert> : null}

      <table className="calendar__grid">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day} scope="col">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const events = byDay.get(day) ?? [];
                const outside = !day.startsWith(month);
                return (
                  <td
                    key={day}
                    className={`calendar__day${outside ? ' calendar__day--outside' : ''}${day === today ? ' calendar__day--today' : ''}`}
                    aria-current={day === today ? 'date' : undefined}
                  >
                    <span className="calendar__date">
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      <span className="visually-hidden">{format.dayHeading(day)}</span>
                    </span>
                    {events.length ? (
                      <ul className="plain-list calendar__events">
                        {events.map((event) => (
                          <li key={`${event.id}:${event.occurrence ?? ''}`}>
                            <Link
                              {...eventLink(event)}
                              className={`calendar__event${event.cancelledAt ? ' calendar__event--cancelled' : ''}${event.myRsvp === 'going' ? ' calendar__event--going' : ''}`}
                            >
                              {event.allDay ? null : <span className="calendar__time">{format.time(event.startsAt)} </span>}
                              {event.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>

      <div className="calendar__agenda">
        {list.isSuccess && !daysWithEvents.length ? <p className="muted empty">{t('calendar.empty')}</p> : null}
        {daysWithEvents.map((day) => (
          <section key={day} className="calendar__agenda-day" aria-labelledby={`agenda-${day}`}>
            <h3 id={`agenda-${day}`} className={`calendar__agenda-title${day === today ? ' calendar__agenda-title--today' : ''}`}>
              {format.dayHeading(day)}
            </h3>
            <ul className="plain-list">
              {(byDay.get(day) ?? []).map((event) => (
                <li key={`${event.id}:${event.occurrence ?? ''}`}>
                  <EventRow event={event} headingLevel={4} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
