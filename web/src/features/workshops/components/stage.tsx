import type { StageEntry, WorkshopSession, WorkshopStage } from '@innenhof/contract';
import { WorkshopLimits } from '@innenhof/contract';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { usePostMessage } from '../api/post-message.ts';
import { roleName, useWorkshopFormat } from '../lib/format.ts';

type Channel = 'comment' | 'reply' | 'dm';

/** How an entry's author shows on the brand page: company roles speak as the brand, the others as their role. */
function useAuthor(session: WorkshopSession) {
  return (entry: StageEntry) => {
    const role = session.scenario.roles.find((r) => r.key === entry.roleKey);
    const person = entry.author?.name ?? '';
    const asBrand = role?.side === 'company' && !role.observer;
    return {
      name: asBrand ? session.scenario.stage.brandName : (role?.name ?? person),
      sub: [asBrand ? role?.name : null, person].filter(Boolean).join(' · '),
      brand: asBrand,
    };
  };
}

/** The root comment of a reply (replies to replies stay under the same comment). */
function rootOf(entry: StageEntry, byId: Map<string, StageEntry>): string | null {
  let current: StageEntry | undefined = entry;
  for (let i = 0; current && current.channel === 'reply' && i < 50; i++) current = current.parentId ? byId.get(current.parentId) : undefined;
  return current?.id ?? null;
}

/**
 * The practice stage: a public-looking brand page (the post, comments with replies) and the direct-message
 * thread. Participants write in their role; new messages of others are announced in a polite live region.
 */
export function PracticeStage({
  session,
  stage,
  extra,
}: {
  session: WorkshopSession;
  stage: WorkshopStage;
  /** Shown under each message (the evaluation's response times and comments). */
  extra?: (entry: StageEntry) => ReactNode;
}) {
  const { t } = useTranslation('workshops');
  const format = useWorkshopFormat();
  const author = useAuthor(session);
  const canPost = session.abilities.post && stage.state === 'running';
  const myRole = roleName(session, session.myRoleKey);
  const byId = new Map(stage.entries.map((e) => [e.id, e]));
  const messages = stage.entries.filter((e) => e.kind === 'message');
  const comments = messages.filter((e) => e.channel === 'comment');
  const replies = new Map<string, StageEntry[]>();
  for (const r of messages.filter((e) => e.channel === 'reply')) {
    const root = rootOf(r, byId);
    if (root) replies.set(root, [...(replies.get(root) ?? []), r]);
  }
  const dms = messages.filter((e) => e.channel === 'dm');
  const [replyTo, setReplyTo] = useState<StageEntry | null>(null);
  const zone = stage.clock.timeZone;
  const brandInitial = session.scenario.stage.brandName.trim().charAt(0).toUpperCase();

  const renderMessage = (entry: StageEntry, reply: boolean) => {
    const who = author(entry);
    return (
      <div className={`ws-comment${reply ? ' ws-comment--reply' : ''}`} data-entry={entry.id}>
        <span className={`ws-comment__avatar${who.brand ? ' ws-comment__avatar--brand' : ''}`} aria-hidden="true">
          {who.brand ? brandInitial : who.name.charAt(0).toUpperCase()}
        </span>
        <div className="ws-comment__main">
          <div className="ws-comment__bubble">
            <span className="ws-comment__name">{who.name}</span>
            {who.sub ? <span className="ws-comment__sub">{who.sub}</span> : null}
            <p className="prewrap">{entry.body}</p>
          </div>
          <div className="ws-comment__meta">
            <time dateTime={entry.simulatedAt ?? entry.at}>{format.simulated(entry.simulatedAt ?? entry.at, zone)}</time>
            {canPost ? (
              <button type="button" className="link-button" onClick={() => setReplyTo(entry)} aria-label={t('stage.replyTo', { name: who.name })}>
                {t('stage.reply')}
              </button>
            ) : null}
          </div>
          {extra ? extra(entry) : null}
        </div>
      </div>
    );
  };

  return (
    <div className="stack ws-stage">
      <LiveAnnouncer session={session} entries={stage.entries} />
      <section className="card card--flush ws-brand-page" aria-label={t('stage.label')}>
        <div className="ws-brand__cover" aria-hidden="true" />
        <div className="ws-brand__head">
          <span className="ws-brand__logo" aria-hidden="true">
            {brandInitial}
          </span>
          <div>
            <h2 className="ws-brand__name">{session.scenario.stage.brandName}</h2>
            <p className="small muted">{t('stage.pageSub')}</p>
          </div>
        </div>
        <article className="ws-post" aria-label={t('stage.post')}>
          <div className="ws-post__head">
            <span className="ws-comment__avatar ws-comment__avatar--brand" aria-hidden="true">
              {brandInitial}
            </span>
            <div>
              <span className="ws-comment__name">{session.scenario.stage.brandName}</span>
              <span className="ws-comment__sub">{stage.post.simulatedAt ? format.simulated(stage.post.simulatedAt, zone) : t('stage.public')}</span>
            </div>
          </div>
          <p className="ws-post__text prewrap">{stage.post.text}</p>
          <div className="ws-post__stats small muted">{t('stage.commentCount', { count: comments.length + replies.size })}</div>
        </article>
        <section className="ws-comments" aria-label={t('stage.comments')}>
          {comments.length ? null : <p className="muted small">{t('stage.noComments')}</p>}
          <ul className="plain-list stack">
            {comments.map((c) => (
              <li key={c.id}>
                {renderMessage(c, false)}
                {replies.get(c.id)?.length ? (
                  <ul className="plain-list ws-replies">
                    {replies.get(c.id)?.map((r) => (
                      <li key={r.id}>{renderMessage(r, true)}</li>
                    ))}
                  </ul>
                ) : null}
                {canPost && replyTo && (replyTo.id === c.id || rootOf(replyTo, byId) === c.id) ? (
                  <Composer
                    session={session}
                    channel="reply"
                    parentId={replyTo.id}
                    label={t('stage.replyAs', { role: myRole, name: author(replyTo).name })}
                    submitLabel={t('stage.sendReply')}
                    onDone={() => setReplyTo(null)}
                    autoFocus
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {canPost ? (
            <Composer session={session} channel="comment" label={t('stage.commentAs', { role: myRole })} submitLabel={t('stage.sendComment')} />
          ) : null}
        </section>
      </section>
      <section className="card stack ws-dm" aria-label={t('stage.dm')}>
        <h2 className="card__title">{t('stage.dm')}</h2>
        <p className="small muted">{t('stage.dmHint', { brand: session.scenario.stage.brandName })}</p>
        {dms.length ? null : <p className="muted small">{t('stage.noDms')}</p>}
        <ul className="plain-list ws-dm__list">
          {dms.map((m) => {
            const who = author(m);
            return (
              <li key={m.id} className={`ws-dm__msg${who.brand ? ' ws-dm__msg--brand' : ''}`}>
                <span className="ws-comment__name">{who.name}</span>
                {who.sub ? <span className="ws-comment__sub">{who.sub}</span> : null}
                <p className="prewrap">{m.body}</p>
                <time className="small muted" dateTime={m.simulatedAt ?? m.at}>
                  {format.simulated(m.simulatedAt ?? m.at, zone)}
                </time>
                {extra ? extra(m) : null}
              </li>
            );
          })}
        </ul>
        {canPost ? <Composer session={session} channel="dm" label={t('stage.dmAs', { role: myRole })} submitLabel={t('stage.sendDm')} /> : null}
      </section>
    </div>
  );
}

function Composer({
  session,
  channel,
  parentId,
  label,
  submitLabel,
  onDone,
  autoFocus,
}: {
  session: WorkshopSession;
  channel: Channel;
  parentId?: string;
  label: string;
  submitLabel: string;
  onDone?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const post = usePostMessage(session.id);
  const [body, setBody] = useState('');
  const errors = fieldErrors(t, post.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate(
      { channel, body, ...(parentId ? { parentId } : {}) },
      {
        onSuccess: () => {
          setBody('');
          onDone?.();
        },
      },
    );
  };
  return (
    <form className={`ws-composer ws-composer--${channel}`} onSubmit={submit}>
      <p className="ws-composer__role small">
        {t('stage.youAre')} <strong>{roleName(session, session.myRoleKey)}</strong>
      </p>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <div className="ws-composer__row">
        <textarea
          id={id}
          className="input input--textarea ws-composer__input"
          rows={2}
          placeholder={label}
          value={body}
          maxLength={WorkshopLimits.messageMax}
          // biome-ignore lint/a11y/noAutofocus: the reply box opens on request, and focus goes to it.
          autoFocus={autoFocus}
          aria-invalid={errors.body ? true : undefined}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && body.trim()) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <button type="submit" className="button button--primary" disabled={post.isPending || !body.trim()}>
          {submitLabel}
        </button>
        {onDone ? (
          <button type="button" className="button" onClick={onDone}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
      {errors.body ? <p className="field__error">{errors.body}</p> : null}
      {post.error && !errors.body ? <Alert tone="error">{errorMessage(t, post.error)}</Alert> : null}
    </form>
  );
}

/** Announces messages of others that arrive while the page is open (screen readers). */
function LiveAnnouncer({ session, entries }: { session: WorkshopSession; entries: StageEntry[] }) {
  const { t } = useTranslation('workshops');
  const me = useMe();
  const seen = useRef<Set<string> | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (!seen.current) {
      seen.current = new Set(entries.map((e) => e.id));
      return;
    }
    const fresh = entries.filter((e) => !seen.current?.has(e.id));
    for (const e of fresh) seen.current.add(e.id);
    const last = fresh.filter((e) => e.author?.id !== me.user.id && (e.kind === 'message' || e.kind === 'inject')).pop();
    if (!last) return;
    setText(
      last.kind === 'inject'
        ? t('live.inject', { text: last.body })
        : t(`live.${last.channel ?? 'comment'}`, { role: roleName(session, last.roleKey), text: last.body }),
    );
  }, [entries, me.user.id, session, t]);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

/** Injects, exercise escalations and state changes, newest last. */
export function ExerciseLog({ session, stage }: { session: WorkshopSession; stage: WorkshopStage }) {
  const { t } = useTranslation('workshops');
  const format = useWorkshopFormat();
  const items = stage.entries.filter((e) => e.kind !== 'message');
  if (!items.length) return null;
  return (
    <section className="card stack ws-log" aria-label={t('log.title')}>
      <h2 className="card__title">{t('log.title')}</h2>
      <ol className="plain-list stack">
        {items.map((e) => (
          <li key={e.id} className={`ws-log__item ws-log__item--${e.kind}`}>
            <span className="ws-log__time small muted">
              <time dateTime={e.simulatedAt ?? e.at}>{format.simulated(e.simulatedAt ?? e.at, stage.clock.timeZone)}</time>
            </span>
            <div>
              {e.kind === 'inject' ? (
                <>
                  <strong>{e.targetRoleKey ? t('log.injectFor', { role: roleName(session, e.targetRoleKey) }) : t('log.inject')}</strong>
                  <p className="prewrap">{e.body}</p>
                </>
              ) : null}
              {e.kind === 'state' && e.state ? <span>{t(`log.state.${e.state}`)}</span> : null}
              {e.kind === 'escalation' && e.escalation ? (
                <>
                  <strong>
                    {t('log.escalation', {
                      role: roleName(session, e.roleKey),
                      topic: e.escalation.topicTitle ?? '–',
                      level: e.escalation.level,
                    })}
                  </strong>
                  {e.escalation.contact ? <span className="small"> · {t('log.contact', { name: e.escalation.contact.name })}</span> : null}
                  {e.body ? <p className="prewrap small">{e.body}</p> : null}
                  {e.escalation.correct !== null ? (
                    <span className={`badge ${e.escalation.correct ? 'ws-ok' : 'ws-bad'}`}>{e.escalation.correct ? t('log.correct') : t('log.incorrect')}</span>
                  ) : null}
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
