import type { Event } from '@innenhof/contract';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { renderMarkdown } from '../../../lib/markdown.ts';
import { useDeleteEvent, useUpdateEvent } from '../api/event-actions.ts';
import { eventPath, useEvent } from '../api/get-event.ts';
import { useEventFormat } from '../lib/use-event-format.ts';
import { EventDialog } from './event-dialog.tsx';
import { Participants } from './participants.tsx';
import { PersonLink } from './person-link.tsx';
import { RsvpButtons } from './rsvp-buttons.tsx';
import '../events.css';

const route = getRouteApi('/_app/events/$eventId');

/**
 * One event (or one occurrence of a recurring one): cover, title, when (in the reader's zone, and in the event's
 * when that differs), where, organiser, audience, description, RSVP, places, participants, .ics, and the
 * comments of its feed post (`renderComments`, composed by the app layer).
 */
export function EventPage({ renderComments }: { renderComments?: (postId: string) => ReactNode }) {
  const { t } = useTranslation('events');
  const { eventId } = route.useParams();
  const { occurrence } = route.useSearch();
  const event = useEvent(eventId, occurrence ?? null);
  useDocumentTitle(event.data?.title ?? t('title'));
  if (event.isPending) return <p className="card muted">{t('loading')}</p>;
  if (event.isError) {
    return (
      <section className="card empty">
        <h1 className="page-header__title">{t('title')}</h1>
        <p>{isApiError(event.error, 'not_found') ? t('notFound') : errorMessage(t, event.error)}</p>
        <Link to="/events">{t('backToEvents')}</Link>
      </section>
    );
  }
  return <EventDetails event={event.data} renderComments={renderComments} />;
}

type Open = null | 'edit' | 'cancel' | 'delete';

function EventDetails({ event, renderComments }: { event: Event; renderComments?: (postId: string) => ReactNode }) {
  const { t } = useTranslation('events');
  const format = useEventFormat();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const zoneNote = format.inEventZone(event);
  const description = useMemo(() => renderMarkdown(event.description), [event.description]);
  const places = event.capacity ? t('places', { taken: Math.min(event.counts.going, event.capacity), count: event.capacity }) : null;
  const full = event.capacity !== null && event.counts.going >= event.capacity;
  const ics = `/api/v1${eventPath(event.id)}/ics${event.occurrence && event.recurrence ? `?occurrence=${encodeURIComponent(event.occurrence)}` : ''}`;

  return (
    <div className="stack event-page">
      <article className="card event-page__main" aria-labelledby="event-title">
        {event.coverUrl ? <img className="event-page__cover" src={event.coverUrl} alt="" /> : null}
        {event.cancelledAt ? <Alert tone="error">{t('cancelledNotice')}</Alert> : null}
        <p className="event-page__when-top" aria-hidden="true">
          {format.when(event, 'short')}
        </p>
        <h1 id="event-title" className="event-page__title">
          {event.title}
        </h1>
        <dl className="event-facts">
          <div className="event-facts__row">
            <dt>{t('facts.when')}</dt>
            <dd>
              <span className="event-page__when">{format.when(event)}</span>
              {zoneNote ? <span className="event-page__zone muted"> · {zoneNote}</span> : null}
              {event.recurrence ? <span className="muted"> · {t('repeats')}</span> : null}
            </dd>
          </div>
          {event.location ? (
            <div className="event-facts__row">
              <dt>{t('facts.where')}</dt>
              <dd>{event.location}</dd>
            </div>
          ) : null}
          {event.onlineUrl ? (
            <div className="event-facts__row">
              <dt>{t('facts.online')}</dt>
              <dd>
                <a href={event.onlineUrl} target="_blank" rel="noopener noreferrer" className="event-page__online">
                  {t('joinOnline')}
                </a>
              </dd>
            </div>
          ) : null}
          <div className="event-facts__row">
            <dt>{t('facts.organizer')}</dt>
            <dd>{event.organizer ? <PersonLink user={event.organizer} /> : t('formerMember')}</dd>
          </div>
          <div className="event-facts__row">
            <dt>{t('facts.audience')}</dt>
            <dd>
              {event.audience.kind === 'group' && event.audience.group ? (
                <>
                  {t('audience.groupPrefix')}{' '}
                  <Link to="/groups/$groupId" params={{ groupId: event.audience.group.slug || event.audience.group.id }}>
                    {event.audience.group.name}
                  </Link>
                </>
              ) : event.audience.kind === 'company' ? (
                t('audience.companyLong')
              ) : (
                t('audience.invitedLong')
              )}
            </dd>
          </div>
          {places ? (
            <div className="event-facts__row">
              <dt>{t('facts.places')}</dt>
              <dd>
                <span className="event-page__places">{places}</span>
                {full ? <span className="badge event-page__full">{t('full')}</span> : null}
                {event.counts.waiting ? <span className="muted"> · {t('counts.waiting', { count: event.counts.waiting })}</span> : null}
              </dd>
            </div>
          ) : null}
        </dl>

        <RsvpButtons event={event} />

        <div className="event-page__actions">
          <a className="button button--small" href={ics} download>
            {t('addToCalendar')}
          </a>
          {event.abilities.edit ? (
            <button type="button" className="button button--small" onClick={() => setOpen('edit')}>
              {t('edit')}
            </button>
          ) : null}
          {event.abilities.edit && !event.cancelledAt ? (
            <button type="button" className="button button--small" onClick={() => setOpen('cancel')}>
              {t('cancelEvent')}
            </button>
          ) : null}
          {event.abilities.delete ? (
            <button type="button" className="button button--small button--danger" onClick={() => setOpen('delete')}>
              {t('delete')}
            </button>
          ) : null}
        </div>

        {event.description ? (
          <section className="event-page__description" aria-labelledby="event-about">
            <h2 id="event-about" className="card__subtitle">
              {t('about')}
            </h2>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify to a small allowlist (lib/markdown.ts). */}
            <div className="md" dangerouslySetInnerHTML={{ __html: description }} />
          </section>
        ) : null}
      </article>

      <Participants event={event} />

      {event.postId && renderComments ? (
        <section className="event-page__comments" aria-labelledby="event-comments">
          <h2 id="event-comments" className="visually-hidden">
            {t('comments')}
          </h2>
          {renderComments(event.postId)}
        </section>
      ) : null}

      {open === 'edit' ? <EventDialog event={event} occurrence={event.occurrence} onClose={() => setOpen(null)} onSaved={() => setOpen(null)} /> : null}
      {open === 'cancel' ? <CancelDialog event={event} onClose={() => setOpen(null)} /> : null}
      {open === 'delete' ? <DeleteDialog event={event} onClose={() => setOpen(null)} onDeleted={() => void navigate({ to: '/events' })} /> : null}
    </div>
  );
}

/** Cancel the event — or, for a recurring one, this occurrence or all of them. Participants are told. */
function CancelDialog({ event, onClose }: { event: Event; onClose: () => void }) {
  const { t } = useTranslation('events');
  const update = useUpdateEvent(event.id);
  const [scope, setScope] = useState<'this' | 'all'>('this');
  const recurring = Boolean(event.recurrence);
  return (
    <Dialog open title={t('cancelDialog.title')} onClose={onClose}>
      <p>{t('cancelDialog.text')}</p>
      {recurring ? (
        <fieldset className="fieldset">
          <legend className="field__label">{t('dialog.scope')}</legend>
          <div className="segmented">
            {(['this', 'all'] as const).map((value) => (
              <label key={value} className="segmented__option">
                <input type="radio" name="cancel-scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
                <span>{t(`scope.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {update.isError ? <Alert tone="error">{errorMessage(t, update.error)}</Alert> : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('cancelDialog.keep')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={update.isPending}
          onClick={() =>
            update.mutate(
              recurring && scope === 'this' ? { cancelled: true, scope: 'this', occurrence: event.occurrence ?? undefined } : { cancelled: true, scope: 'all' },
              { onSuccess: onClose },
            )
          }
        >
          {t('cancelDialog.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

function DeleteDialog({ event, onClose, onDeleted }: { event: Event; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation('events');
  const remove = useDeleteEvent(event.id);
  return (
    <Dialog open title={t('deleteDialog.title')} onClose={onClose}>
      <p>{event.recurrence ? t('deleteDialog.textSeries') : t('deleteDialog.text')}</p>
      {remove.isError ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common:cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: onDeleted })}>
          {t('deleteDialog.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
