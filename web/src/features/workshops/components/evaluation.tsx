import type { StageEntry, WorkshopReport, WorkshopSession } from '@innenhof/contract';
import { TableWrap } from './table-wrap.tsx';
import { WorkshopLimits } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useAddComment } from '../api/add-comment.ts';
import { useComparison, useReport } from '../api/get-report.ts';
import { useNextRound } from '../api/next-round.ts';
import { useMyScores, useSetScores } from '../api/scores.ts';
import { roleName, useWorkshopFormat } from '../lib/format.ts';

/** Under each transcript message: its response time (customer messages) and the comments on it. */
export function useTranscriptExtras(session: WorkshopSession, report: WorkshopReport | undefined) {
  const { t } = useTranslation('workshops');
  const format = useWorkshopFormat();
  return (entry: StageEntry) => {
    const response = report?.responses.find((r) => r.messageId === entry.id);
    const comments = report?.comments.filter((c) => c.messageId === entry.id) ?? [];
    return (
      <div className="ws-extras">
        <span className="small muted">{t('transcript.at', { time: format.time(entry.at) })}</span>
        {response ? (
          <span className={`small ws-response${response.seconds === null ? ' ws-bad-text' : ''}`}>
            {response.seconds === null
              ? t('transcript.unanswered')
              : t('transcript.answeredAfter', { duration: format.duration(response.seconds), role: roleName(session, response.answeredByRoleKey) })}
          </span>
        ) : null}
        {comments.length ? (
          <ul className="plain-list ws-feedback">
            {comments.map((c) => (
              <li key={c.id} className="small">
                <strong>{t('transcript.feedback')}:</strong> {c.body}
              </li>
            ))}
          </ul>
        ) : null}
        {session.abilities.comment ? <CommentForm session={session} messageId={entry.id} /> : null}
      </div>
    );
  };
}

function CommentForm({ session, messageId }: { session: WorkshopSession; messageId: string }) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const add = useAddComment(session.id);
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  if (!open)
    return (
      <button type="button" className="link-button small ws-no-print" onClick={() => setOpen(true)}>
        {t('transcript.comment')}
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { messageId, body },
      {
        onSuccess: () => {
          setBody('');
          setOpen(false);
        },
      },
    );
  };
  return (
    <form className="ws-comment-form ws-no-print" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('transcript.commentLabel')}
      </label>
      <input
        id={id}
        className="input"
        value={body}
        maxLength={WorkshopLimits.noteMax}
        placeholder={t('transcript.commentLabel')}
        onChange={(e) => setBody(e.target.value)}
        // biome-ignore lint/a11y/noAutofocus: opened on request.
        autoFocus
      />
      <button type="submit" className="button button--small button--primary" disabled={add.isPending || !body.trim()}>
        {t('transcript.saveComment')}
      </button>
      <button type="button" className="button button--small" onClick={() => setOpen(false)}>
        {t('cancel')}
      </button>
      {add.error ? <Alert tone="error">{errorMessage(t, add.error)}</Alert> : null}
    </form>
  );
}

/** The rubric scoring: the facilitator rates every playing role; participants assess themselves (and peers if enabled). */
export function Scoring({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation('workshops');
  const mine = useMyScores(session.id, session.abilities.score);
  if (!session.abilities.score) return null;
  const playing = session.scenario.roles.filter((r) => !r.observer);
  const facilitator = session.abilities.run;
  const rateable = facilitator
    ? playing
    : playing.filter((r) => r.key === session.myRoleKey || (session.peerScoring && session.participants.some((p) => p.roleKey === r.key)));
  if (!rateable.length) return null;
  return (
    <section className="card stack ws-scoring ws-no-print" aria-labelledby="ws-scoring-h">
      <h2 id="ws-scoring-h" className="card__title">
        {facilitator ? t('scoring.titleFacilitator') : t('scoring.titleParticipant')}
      </h2>
      {mine.data
        ? rateable.map((role) => (
            <RoleScoring
              key={role.key}
              session={session}
              roleKey={role.key}
              title={role.key === session.myRoleKey && !facilitator ? t('scoring.self', { role: role.name }) : t('scoring.role', { role: role.name })}
              initial={Object.fromEntries(mine.data.items.filter((s) => s.ratedRoleKey === role.key).map((s) => [s.criterionKey, s.value]))}
            />
          ))
        : null}
    </section>
  );
}

function RoleScoring({ session, roleKey, title, initial }: { session: WorkshopSession; roleKey: string; title: string; initial: Record<string, number> }) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const save = useSetScores(session.id);
  const [values, setValues] = useState<Record<string, number>>(initial);
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(
      { ratedRoleKey: roleKey, scores: Object.entries(values).map(([criterionKey, value]) => ({ criterionKey, value })) },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form className="stack ws-role-scoring" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="ws-subtitle">
        {title}
      </h3>
      {session.scenario.rubric.map((c) => (
        <fieldset key={c.key} className="fieldset ws-criterion">
          <legend className="field__label">
            {c.name}
            {c.description ? <span className="small muted ws-criterion__desc"> – {c.description}</span> : null}
          </legend>
          <div className="ws-scale">
            {([1, 2, 3, 4, 5] as const).map((n) => (
              <label key={n} className="ws-scale__option">
                <input type="radio" name={`${id}-${c.key}`} value={n} checked={values[c.key] === n} onChange={() => setValues((v) => ({ ...v, [c.key]: n }))} />
                <span className="ws-scale__n">{n}</span>
                <span className="small">{c.scale[n]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {save.error ? <Alert tone="error">{errorMessage(t, save.error)}</Alert> : null}
      {saved ? (
        <p className="small" role="status">
          {t('scoring.saved')}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending || !Object.keys(values).length}>
          {t('scoring.save', { role: roleName(session, roleKey) })}
        </button>
      </div>
    </form>
  );
}

/** The session report: scores, response-time statistics, escalation correctness, injects and comments; printable. */
export function ReportView({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation('workshops');
  const format = useWorkshopFormat();
  const report = useReport(session.id, session.abilities.report);
  if (!session.abilities.report) return null;
  if (report.error) return <Alert tone="error">{errorMessage(t, report.error)}</Alert>;
  const r = report.data;
  if (!r) return null;
  // The facilitator comments too, without being a participant.
  const nameOf = (userId: string | null) =>
    r.participants.find((p) => p.userId === userId)?.displayName ?? (userId && userId === session.facilitator?.id ? session.facilitator.name : '–');
  const stats = r.responseTimes;
  return (
    <section className="card stack ws-report" aria-labelledby="ws-report-h">
      <div className="ws-report__head">
        <h2 id="ws-report-h" className="card__title">
          {t('report.title')}
        </h2>
        <button type="button" className="button ws-no-print" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      <p className="small muted">
        {r.scenarioTitle}
        {r.round ? ` · ${t('sessions.round', { round: r.round })}` : ''} · {format.dateTime(r.startedAt)} – {format.dateTime(r.endedAt)} ·{' '}
        {t('report.active', { duration: format.duration(r.activeSeconds) })}
      </p>
      <h3 className="ws-subtitle">{t('report.responseTimes')}</h3>
      <dl className="ws-stats">
        <div>
          <dt>{t('report.median')}</dt>
          <dd>{format.duration(stats.medianSeconds)}</dd>
        </div>
        <div>
          <dt>{t('report.p90')}</dt>
          <dd>{format.duration(stats.p90Seconds)}</dd>
        </div>
        <div>
          <dt>{t('report.max')}</dt>
          <dd>{format.duration(stats.maxSeconds)}</dd>
        </div>
        <div>
          <dt>{t('report.answered')}</dt>
          <dd>{t('report.answeredOf', { answered: stats.answered, measured: stats.measured })}</dd>
        </div>
      </dl>
      <h3 className="ws-subtitle">{t('report.roles')}</h3>
      <TableWrap label={t('report.roles')}>
        <table className="ws-table">
          <thead>
            <tr>
              <th scope="col">{t('report.role')}</th>
              <th scope="col">{t('report.people')}</th>
              <th scope="col">{t('report.messages')}</th>
              <th scope="col">{t('report.medianShort')}</th>
              <th scope="col">{t('report.escalations')}</th>
              <th scope="col">{t('report.overall')}</th>
            </tr>
          </thead>
          <tbody>
            {r.roles.map((role) => (
              <tr key={role.roleKey}>
                <th scope="row">{role.roleName}</th>
                <td>{role.userIds.map(nameOf).join(', ') || '–'}</td>
                <td>{role.messages}</td>
                <td>{format.duration(role.responseTimes?.medianSeconds)}</td>
                <td>{role.escalations.count ? t('report.escalationCount', { correct: role.escalations.correct, count: role.escalations.count }) : '–'}</td>
                <td>{role.scoresVisible ? format.score(role.overall) : t('report.hidden')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {r.roles
        .filter((role) => role.scoresVisible && role.side !== 'observer' && role.criteria.length)
        .map((role) => (
          <TableWrap key={role.roleKey} label={t('report.scoresOf', { role: role.roleName })}>
            <table className="ws-table">
              <caption>{t('report.scoresOf', { role: role.roleName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.criterion')}</th>
                  <th scope="col">{t('report.facilitator')}</th>
                  <th scope="col">{t('report.peer')}</th>
                  <th scope="col">{t('report.self')}</th>
                  <th scope="col">{t('report.overall')}</th>
                </tr>
              </thead>
              <tbody>
                {role.criteria.map((c) => (
                  <tr key={c.criterionKey}>
                    <th scope="row">{c.name}</th>
                    <td>{format.score(c.facilitator)}</td>
                    <td>{format.score(c.peer)}</td>
                    <td>{format.score(c.self)}</td>
                    <td>{format.score(c.overall)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ))}
      <h3 className="ws-subtitle">{t('report.injects')}</h3>
      {r.injects.length ? (
        <ul className="plain-list stack">
          {r.injects.map((i) => (
            <li key={i.entryId} className="small">
              <strong>{format.time(i.at)}</strong> {i.text ?? t('report.injectHidden')}
              {i.targetRoleKey ? ` (${t('inject.onlyFor', { role: roleName(session, i.targetRoleKey) })})` : ''} ·{' '}
              {i.firstReaction
                ? t('report.firstReaction', { role: roleName(session, i.firstReaction.roleKey), duration: format.duration(i.firstReaction.seconds) })
                : t('report.noReaction')}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('report.none')}</p>
      )}
      <h3 className="ws-subtitle">{t('report.escalationsTitle')}</h3>
      {r.escalations.length ? (
        <ul className="plain-list stack">
          {r.escalations.map((e) => (
            <li key={e.entryId} className="small">
              <strong>{format.simulated(e.simulatedAt, session.clock.timeZone)}</strong> {roleName(session, e.roleKey)} ·{' '}
              {t('escalate.levelN', { level: e.level ?? '–' })} ·{' '}
              <span className={e.correct === null ? '' : e.correct ? 'ws-ok-text' : 'ws-bad-text'}>
                {e.correct === null ? t('report.unjudged') : e.correct ? t('log.correct') : t('log.incorrect')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('report.noEscalations')}</p>
      )}
      {session.scenario.expectedEscalation ? (
        <p className="small">
          <strong>{t('report.expected')}:</strong> {session.scenario.expectedEscalation.note}
        </p>
      ) : null}
      <h3 className="ws-subtitle">{t('report.comments')}</h3>
      {r.comments.length ? (
        <ul className="plain-list stack">
          {r.comments.map((c) => (
            <li key={c.id} className="small">
              <strong>{nameOf(c.authorUserId)}</strong> {t('report.on', { role: roleName(session, c.messageRoleKey) })}: {c.body}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('report.none')}</p>
      )}
    </section>
  );
}

/** Role swap: this round against the previous one (the server shows only my own row unless I facilitate). */
export function RoundComparison({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation('workshops');
  const format = useWorkshopFormat();
  const comparison = useComparison(session.id, session.abilities.report && session.previousSessionId !== null);
  const c = comparison.data;
  if (!session.previousSessionId || !c) return null;
  const delta = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${format.score(n)}`);
  return (
    <section className="card stack ws-comparison" aria-labelledby="ws-cmp-h">
      <h2 id="ws-cmp-h" className="card__title">
        {t('comparison.title', { round: session.round - 1 })}
      </h2>
      <p className="small">{t('comparison.median', { a: format.duration(c.medianResponse.a), b: format.duration(c.medianResponse.b) })}</p>
      <TableWrap label={t('comparison.title', { round: session.round - 1 })}>
        <table className="ws-table">
          <thead>
            <tr>
              <th scope="col">{t('comparison.person')}</th>
              <th scope="col">{t('comparison.before')}</th>
              <th scope="col">{t('comparison.now')}</th>
              <th scope="col">{t('comparison.change')}</th>
            </tr>
          </thead>
          <tbody>
            {c.people.map((p) => (
              <tr key={p.userId}>
                <th scope="row">{p.displayName ?? '–'}</th>
                <td>
                  {roleName(session, p.roleKeyA)} · {format.score(p.overallA)}
                </td>
                <td>
                  {roleName(session, p.roleKeyB)} · {format.score(p.overallB)}
                </td>
                <td>{delta(p.overallDelta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** "Swap roles & play again": a new draft round with the roles rotated (the facilitator, after the end). */
export function SwapRolesButton({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation('workshops');
  const navigate = useNavigate();
  const next = useNextRound(session.id);
  if (!session.abilities.run || session.state !== 'ended') return null;
  return (
    <div className="stack ws-no-print">
      <button
        type="button"
        className="button button--primary"
        disabled={next.isPending}
        onClick={() => next.mutate(undefined, { onSuccess: (s) => void navigate({ to: '/workshops/sessions/$sessionId', params: { sessionId: s.id } }) })}
      >
        {t('swap.button')}
      </button>
      {next.error ? <Alert tone="error">{errorMessage(t, next.error)}</Alert> : null}
    </div>
  );
}
