import type { WorkshopSession } from '@innenhof/contract';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useReport } from '../api/get-report.ts';
import { useSession } from '../api/get-session.ts';
import { useStage } from '../api/get-stage.ts';
import { useWorkshopLive } from '../api/use-workshop-live.ts';
import { roleName } from '../lib/format.ts';
import { BriefingPanel, Markdown } from './briefing-panel.tsx';
import { ReportView, RoundComparison, Scoring, SwapRolesButton, useTranscriptExtras } from './evaluation.tsx';
import { ExerciseEscalationButton } from './exercise-escalation-dialog.tsx';
import { FacilitatorPanel } from './facilitator-panel.tsx';
import { SimClock } from './sim-clock.tsx';
import { SimulationBanner, StateBadge } from './simulation-banner.tsx';
import { ExerciseLog, PracticeStage } from './stage.tsx';
import '../workshops.css';

const route = getRouteApi('/_app/workshops/sessions/$sessionId');

/** `/workshops/sessions/:id`: the practice stage while it runs, the evaluation after the end; always marked as a simulation. */
export function SessionPage() {
  const { t } = useTranslation('workshops');
  const { sessionId } = route.useParams();
  useWorkshopLive();
  const session = useSession(sessionId);
  useDocumentTitle(session.data ? `${t('simulation.tag')}: ${session.data.title}` : t('title'));
  return (
    <div className="stack ws-session-page">
      <SimulationBanner />
      {session.isPending ? <Spinner /> : null}
      {session.error ? <Alert tone="error">{isApiError(session.error, 'not_found') ? t('session.notFound') : errorMessage(t, session.error)}</Alert> : null}
      {session.data ? <SessionView session={session.data} fetchedAt={session.dataUpdatedAt} /> : null}
    </div>
  );
}

function SessionView({ session, fetchedAt }: { session: WorkshopSession; fetchedAt: number }) {
  const { t } = useTranslation('workshops');
  const stage = useStage(session.id, session.abilities.viewStage && session.state !== 'draft');
  const ended = session.state === 'ended';
  const report = useReport(session.id, ended && session.abilities.report);
  const extras = useTranscriptExtras(session, report.data);
  const facilitating = session.abilities.run;
  return (
    <>
      <header className="card stack ws-session-head">
        <p className="small">
          <Link to="/workshops">{t('session.back')}</Link>
        </p>
        <div className="ws-session-head__row">
          <h1 className="page-header__title">{session.title}</h1>
          <StateBadge state={session.state} />
          {session.round > 1 ? <span className="badge">{t('sessions.round', { round: session.round })}</span> : null}
        </div>
        <div className="ws-session-head__meta small">
          <SimClock clock={stage.data?.clock ?? session.clock} fetchedAt={stage.data ? stage.dataUpdatedAt : fetchedAt} />
          {session.facilitator ? <span>{t('session.facilitator', { name: session.facilitator.name })}</span> : null}
          {session.myRoleKey ? (
            <span className="ws-you-are">
              {t('stage.youAre')} <strong>{roleName(session, session.myRoleKey)}</strong>
            </span>
          ) : null}
        </div>
      </header>
      {session.state === 'paused' ? <Alert tone="info">{t('session.paused')}</Alert> : null}
      {session.state === 'draft' ? <Alert tone="info">{facilitating ? t('session.draftFacilitator') : t('session.draftParticipant')}</Alert> : null}
      <div className="ws-layout">
        <div className="stack ws-layout__main">
          {ended ? (
            <>
              <SwapRolesButton session={session} />
              <RoundComparison session={session} />
              <ReportView session={session} />
              <Scoring session={session} />
            </>
          ) : null}
          {stage.error ? <Alert tone="error">{errorMessage(t, stage.error)}</Alert> : null}
          {stage.data ? (
            <>
              {ended ? <h2 className="ws-section-title ws-no-print">{t('transcript.title')}</h2> : null}
              <ExerciseLog session={session} stage={stage.data} />
              {session.abilities.post && session.state === 'running' ? (
                <div className="ws-escalate-row">
                  <ExerciseEscalationButton session={session} />
                </div>
              ) : null}
              <div className={ended ? 'ws-no-print' : undefined}>
                <PracticeStage session={session} stage={stage.data} extra={ended ? extras : undefined} />
              </div>
            </>
          ) : null}
        </div>
        <aside className="stack ws-layout__side" aria-label={t('session.side')}>
          {facilitating || session.abilities.end ? <FacilitatorPanel session={session} /> : null}
          <BriefingPanel session={session} />
          <section className="card stack ws-no-print" aria-labelledby="ws-situation-h">
            <h2 id="ws-situation-h" className="card__title">
              {t('session.situation')}
            </h2>
            <Markdown text={session.scenario.situation} />
            {session.scenario.goals.length ? (
              <>
                <h3 className="ws-subtitle">{t('session.goals')}</h3>
                <ul className="ws-goals">
                  {session.scenario.goals.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section className="card stack ws-no-print" aria-labelledby="ws-people-h">
            <h2 id="ws-people-h" className="card__title">
              {t('session.participants')}
            </h2>
            <ul className="plain-list stack">
              {session.participants.map((p) => (
                <li key={p.user.id} className="small">
                  <strong>{p.user.name}</strong> · {roleName(session, p.roleKey)}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}
