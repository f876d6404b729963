import type { Event, SetRsvp } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useRsvp } from '../api/event-actions.ts';

const answers: SetRsvp['status'][] = ['going', 'maybe', 'declined'];

/** Going / Maybe / Can't go, with my current answer pressed and the waiting-list place spelled out. */
export function RsvpButtons({ event, small }: { event: Event; small?: boolean }) {
  const { t } = useTranslation('events');
  const rsvp = useRsvp(event.id, event.occurrence);
  if (!event.abilities.rsvp || event.cancelledAt) return null;
  const mine = event.myRsvp;
  return (
    <div className="rsvp">
      <fieldset className="rsvp__buttons">
        <legend className="visually-hidden">{t('rsvp.label')}</legend>
        {answers.map((answer) => {
          const pressed = mine === answer || (answer === 'going' && mine === 'waiting');
          return (
            <button
              key={answer}
              type="button"
              className={`button${small ? ' button--small' : ''}${pressed ? ' button--primary' : ''}`}
              aria-pressed={pressed}
              disabled={rsvp.isPending}
              onClick={() => {
                if (!pressed) rsvp.mutate(answer);
              }}
            >
              {t(`rsvp.${answer}`)}
            </button>
          );
        })}
      </fieldset>
      <RsvpStatusText event={event} />
      {rsvp.isError ? <Alert tone="error">{errorMessage(t, rsvp.error)}</Alert> : null}
    </div>
  );
}

/** "You're going", "Waiting list — place 2", … (a live region, so the change is announced). */
export function RsvpStatusText({ event }: { event: Event }) {
  const { t } = useTranslation('events');
  const mine = event.myRsvp;
  const text =
    mine === 'waiting'
      ? t('rsvp.waitingPlace', { place: event.myWaitingPosition ?? 1 })
      : mine === 'going'
        ? t('rsvp.youAreGoing')
        : mine === 'maybe'
          ? t('rsvp.youMightGo')
          : mine === 'declined'
            ? t('rsvp.youDeclined')
            : '';
  return (
    <p className={`rsvp__status${mine === 'waiting' ? ' rsvp__status--waiting' : ''}`} role="status">
      {text}
    </p>
  );
}
