import type { WorkshopLanguage, WorkshopScenario } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { renderMarkdown } from '../../../lib/markdown.ts';
import { useMe } from '../../../lib/session.ts';
import { useCopyScenario } from '../api/copy-scenario.ts';
import { useDeleteScenario } from '../api/delete-scenario.ts';
import { useProgress } from '../api/get-progress.ts';
import { useScenarios } from '../api/list-scenarios.ts';
import { useMySessions } from '../api/list-sessions.ts';
import { useShareScenario } from '../api/share-scenario.ts';
import { useWorkshopLive } from '../api/use-workshop-live.ts';
import { useWorkshopFormat } from '../lib/format.ts';
import { builtinCriteria } from '../lib/scenario-form.ts';
import { FacilitatorOverview } from './facilitator-overview.tsx';
import { NewSessionDialog } from './new-session-dialog.tsx';
import { ScenarioEditor } from './scenario-editor.tsx';
import { StateBadge } from './simulation-banner.tsx';
import { TableWrap } from './table-wrap.tsx';
import '../workshops.css';

/** `/workshops`: my sessions, the scenario library ("New session" from a scenario) and my progress. */
export function WorkshopsPage() {
  const { t, i18n } = useTranslation('workshops');
  useWorkshopLive();
  const language: WorkshopLanguage = i18n.language === 'de' ? 'de' : 'en';
  const [creatingFrom, setCreatingFrom] = useState<WorkshopScenario | null>(null);
  /** The scenario editor: `'new'`, or my scenario to edit. */
  const [editing, setEditing] = useState<WorkshopScenario | 'new' | null>(null);
  const scenarios = useScenarios(language);
  return (
    <div className="stack ws-page">
      <PageHeader title={t('title')}>
        <p className="muted">{t('lead')}</p>
      </PageHeader>
      <MySessions />
      <FacilitatorOverview scenarios={scenarios.data?.items ?? []} />
      <ScenarioLibrary language={language} onCreate={setCreatingFrom} onEdit={setEditing} />
      <MyProgress />
      {creatingFrom ? <NewSessionDialog scenario={creatingFrom} onClose={() => setCreatingFrom(null)} /> : null}
      {editing ? (
        <ScenarioEditor
          scenario={editing === 'new' ? undefined : editing}
          language={language}
          builtinRubric={builtinCriteria(scenarios.data?.items ?? [])}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

function MySessions() {
  const { t } = useTranslation('workshops');
  const me = useMe();
  const format = useWorkshopFormat();
  const sessions = useMySessions();
  return (
    <section className="card stack" aria-labelledby="ws-my-sessions">
      <h2 id="ws-my-sessions" className="card__title">
        {t('sessions.title')}
      </h2>
      {sessions.isPending ? <Spinner /> : null}
      {sessions.error ? <Alert tone="error">{errorMessage(t, sessions.error)}</Alert> : null}
      {sessions.data && !sessions.data.items.length ? <p className="muted">{t('sessions.empty')}</p> : null}
      {sessions.data?.items.length ? (
        <ul className="plain-list ws-session-list">
          {sessions.data.items.map((s) => (
            <li key={s.id} className="ws-session-row">
              <Link to="/workshops/sessions/$sessionId" params={{ sessionId: s.id }} className="ws-session-row__title">
                {s.title}
              </Link>
              <span className="ws-session-row__meta">
                <StateBadge state={s.state} />
                <span>{s.facilitator?.id === me.user.id ? t('sessions.asFacilitator') : t('sessions.asParticipant')}</span>
                {s.round > 1 ? <span>{t('sessions.round', { round: s.round })}</span> : null}
                <span>{t('sessions.people', { count: s.participantCount })}</span>
                <span className="muted">{format.dateTime(s.startedAt ?? s.createdAt)}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ScenarioLibrary({
  language,
  onCreate,
  onEdit,
}: {
  language: WorkshopLanguage;
  onCreate: (s: WorkshopScenario) => void;
  onEdit: (s: WorkshopScenario | 'new') => void;
}) {
  const { t } = useTranslation('workshops');
  const scenarios = useScenarios(language);
  return (
    <section className="stack" aria-labelledby="ws-library">
      <div className="ws-library__head">
        <h2 id="ws-library" className="ws-section-title">
          {t('library.title')}
        </h2>
        <button type="button" className="button button--primary" onClick={() => onEdit('new')}>
          {t('library.newScenario')}
        </button>
      </div>
      {scenarios.isPending ? <Spinner /> : null}
      {scenarios.error ? <Alert tone="error">{errorMessage(t, scenarios.error)}</Alert> : null}
      <ul className="plain-list ws-scenarios">
        {scenarios.data?.items.map((s) => (
          <li key={s.id} className="card stack ws-scenario">
            <div className="ws-scenario__head">
              <h3 className="ws-scenario__title">{s.title}</h3>
              <span className="badge">{s.source === 'builtin' ? t('library.builtin') : s.shared ? t('library.shared') : t('library.custom')}</span>
            </div>
            <div
              className="ws-markdown ws-scenario__situation"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderMarkdown (DOMPurify allowlist).
              dangerouslySetInnerHTML={{ __html: renderMarkdown(s.situation) }}
            />
            <p className="small">
              <strong>{t('library.roles')}:</strong> {s.roles.map((r) => r.name).join(', ')}
            </p>
            {s.author ? <p className="small muted">{t('library.by', { name: s.author.name })}</p> : null}
            <ScenarioActions scenario={s} language={language} onCreate={onCreate} onEdit={onEdit} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** New session; copy to my scenarios; share / stop sharing and delete my own. */
function ScenarioActions({
  scenario: s,
  language,
  onCreate,
  onEdit,
}: {
  scenario: WorkshopScenario;
  language: WorkshopLanguage;
  onCreate: (s: WorkshopScenario) => void;
  onEdit: (s: WorkshopScenario) => void;
}) {
  const { t } = useTranslation('workshops');
  const copy = useCopyScenario();
  const share = useShareScenario();
  const remove = useDeleteScenario();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const error = copy.error ?? share.error ?? remove.error;
  return (
    <div className="stack">
      <div className="ws-buttons">
        {s.abilities.createSession ? (
          <button type="button" className="button button--primary" onClick={() => onCreate(s)} aria-label={t('library.newSessionFor', { title: s.title })}>
            {t('library.newSession')}
          </button>
        ) : null}
        {s.abilities.copy ? (
          <button
            type="button"
            className="button"
            disabled={copy.isPending}
            onClick={() => copy.mutate({ copyFrom: s.id, language })}
            aria-label={t('library.copyFor', { title: s.title })}
          >
            {t('library.copy')}
          </button>
        ) : null}
        {s.abilities.update ? (
          <button type="button" className="button" onClick={() => onEdit(s)} aria-label={t('library.editFor', { title: s.title })}>
            {t('library.edit')}
          </button>
        ) : null}
        {s.abilities.update ? (
          <button
            type="button"
            className="button"
            aria-pressed={s.shared}
            disabled={share.isPending}
            onClick={() => share.mutate({ id: s.id, shared: !s.shared })}
          >
            {t('library.sharedToggle')}
          </button>
        ) : null}
        {s.abilities.delete ? (
          confirmDelete ? (
            <>
              <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate(s.id)}>
                {t('library.deleteNow')}
              </button>
              <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmDelete(true)} aria-label={t('library.deleteFor', { title: s.title })}>
              {t('library.delete')}
            </button>
          )
        ) : null}
      </div>
      {copy.isSuccess ? (
        <p className="small" role="status">
          {t('library.copied')}
        </p>
      ) : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </div>
  );
}

/** My own scores per rubric criterion over the sessions I took part in (nobody else sees them). */
function MyProgress() {
  const { t } = useTranslation('workshops');
  const format = useWorkshopFormat();
  const progress = useProgress();
  const criteria = progress.data?.criteria.filter((c) => c.points.length) ?? [];
  return (
    <section className="card stack" aria-labelledby="ws-progress">
      <h2 id="ws-progress" className="card__title">
        {t('progress.title')}
      </h2>
      <p className="small muted">{t('progress.private')}</p>
      {progress.error ? <Alert tone="error">{errorMessage(t, progress.error)}</Alert> : null}
      {progress.data && !criteria.length ? <p className="muted">{t('progress.empty')}</p> : null}
      {criteria.length ? (
        <TableWrap label={t('progress.title')}>
          <table className="ws-table">
            <thead>
              <tr>
                <th scope="col">{t('progress.criterion')}</th>
                <th scope="col">{t('progress.sessions')}</th>
                <th scope="col">{t('progress.latest')}</th>
                <th scope="col">{t('progress.change')}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => {
                const last = c.points[c.points.length - 1];
                return (
                  <tr key={c.criterionKey + c.name}>
                    <th scope="row">{c.name}</th>
                    <td>{c.points.map((p) => format.score(p.overall)).join(' → ')}</td>
                    <td>{format.score(last?.overall)}</td>
                    <td>{c.change === null ? '–' : `${c.change > 0 ? '+' : ''}${format.score(c.change)}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
