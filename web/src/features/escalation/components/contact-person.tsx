import type { ContactNow, EscalationPerson } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { IconChat, IconPhone } from '../../../components/ui/icons.tsx';
import { useOpenConversation } from '../../../lib/chat-dock.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { useStartChat } from '../api/start-chat.ts';
import { useEscalationFormat } from '../lib/format.ts';

/** The presence dot and its words, from the status the server sent with the person. */
export function PresenceDot({ person }: { person: EscalationPerson }) {
  const { t } = useTranslation('escalation');
  return (
    <span className={`presence-status presence-status--${person.presence}`}>
      <span className="presence-status__dot" aria-hidden="true" /> {t(`presence.${person.presence}`)}
    </span>
  );
}

/** `tel:` wants digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * A person to turn to: photo, name (to the profile), presence, and the ways to reach them —
 * "Message" opens the chat the way profiles do (docked window on wide screens, full screen on phones),
 * the phone number is a `tel:` link.
 */
export function ContactPerson({ person, role, size = 'md' }: { person: EscalationPerson; role?: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('escalation');
  const me = useMe();
  const startChat = useStartChat();
  const openConversation = useOpenConversation();
  const isMe = person.id === me.user.id;
  return (
    <div className="esc-person">
      <Avatar user={person} size={size} alt="" />
      <div className="esc-person__text">
        {role ? <span className="esc-person__role">{role}</span> : null}
        <Link to="/people/$id" params={{ id: person.id }} className="esc-person__name">
          {person.name}
          {isMe ? <span className="muted"> {t('you')}</span> : null}
        </Link>
        {person.jobTitle ? <span className="esc-person__sub">{person.jobTitle}</span> : null}
        <PresenceDot person={person} />
        <div className="esc-person__actions">
          {isMe ? null : (
            <button
              type="button"
              className="button button--small"
              disabled={startChat.isPending}
              onClick={() => startChat.mutate(person.id, { onSuccess: (conversation) => openConversation(conversation.id) })}
            >
              <IconChat width={16} height={16} /> {t('message')}
              <span className="visually-hidden"> {t('messageTo', { name: person.name })}</span>
            </button>
          )}
          {person.phone ? (
            <a className="button button--small esc-person__phone" href={telHref(person.phone)}>
              <IconPhone width={16} height={16} /> <span className="visually-hidden">{t('call', { name: person.name })} </span>
              {person.phone}
            </a>
          ) : null}
        </div>
        {startChat.isError ? <Alert tone="error">{errorMessage(t, startChat.error)}</Alert> : null}
      </div>
    </div>
  );
}

/** The state of the topic right now: in hours, after hours (on call / rota), or closed until the next opening. */
export function NowStatus({ now }: { now: ContactNow }) {
  const { t } = useTranslation('escalation');
  const format = useEscalationFormat();
  const text = now.inHours
    ? t('now.inHours')
    : now.via === 'on_call'
      ? t('now.onCall')
      : now.via === 'rota'
        ? t('now.rota')
        : now.nextOpening
          ? t('now.waitUntil', { when: format.opening(now.nextOpening) })
          : t('now.closed');
  const tone = now.inHours ? 'in' : now.via === 'wait' ? 'wait' : 'after';
  return (
    <p className={`esc-now esc-now--${tone}`}>
      <span className="esc-now__dot" aria-hidden="true" />
      <span>
        {now.holiday ? <>{t('now.holiday', { name: now.holiday })} · </> : null}
        {text}
      </span>
    </p>
  );
}

/** "Who to contact right now": the status line and the person (or, when closed, who is there from the next opening). */
export function ContactNowBlock({ now, responsible, headingLevel }: { now: ContactNow; responsible: EscalationPerson | null; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('escalation');
  const format = useEscalationFormat();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="esc-contact" aria-label={t('now.title')}>
      {headingLevel ? <Heading className="card__subtitle">{t('now.title')}</Heading> : null}
      <NowStatus now={now} />
      {now.contact ? (
        <ContactPerson person={now.contact} role={now.inHours ? t('roles.responsible') : now.via === 'rota' ? t('roles.rota') : t('roles.onCall')} />
      ) : responsible ? (
        <>
          <p className="muted small">{now.nextOpening ? t('now.fromOpening', { when: format.opening(now.nextOpening) }) : t('now.nobody')}</p>
          <ContactPerson person={responsible} role={t('roles.responsible')} size="sm" />
        </>
      ) : (
        <p className="muted">{t('now.nobody')}</p>
      )}
    </section>
  );
}
