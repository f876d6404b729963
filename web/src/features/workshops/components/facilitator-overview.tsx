import type { WorkshopScenario } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/session.ts';
import { useMySessions } from '../api/list-sessions.ts';
import { useWorkshopFormat } from '../lib/format.ts';
import { StateBadge } from './simulation-banner.tsx';
import { TableWrap } from './table-wrap.tsx';

/**
 * "Workshop overview": the sessions I facilitated — date, scenario, round, participants, state, and for ended ones
 * a link to the report (the figures stay in the report; nothing here beyond what the session list gives me).
 */
export function FacilitatorOverview({ scenarios }: { scenarios: WorkshopScenario[] }) {
  const { t } = useTranslation('workshops');
  const me = useMe();
  const format = useWorkshopFormat();
  const sessions = useMySessions();
  const mine = sessions.data?.items.filter((s) => s.facilitator?.id === me.user.id) ?? [];
  if (!mine.length) return null;
  const scenarioTitle = (id: string, fallback: string) => scenarios.find((s) => s.id === id)?.title ?? fallback;
  const ended = mine.filter((s) => s.state === 'ended').length;
  const people = mine.reduce((sum, s) => sum + s.participantCount, 0);
  return (
    <section className="card stack" aria-labelledby="ws-overview">
      <h2 id="ws-overview" className="card__title">
        {t('overview.title')}
      </h2>
      <p className="small muted">{t('overview.summary', { count: mine.length, ended, people })}</p>
      <TableWrap label={t('overview.table')}>
        <table className="ws-table">
          <thead>
            <tr>
              <th scope="col">{t('overview.date')}</th>
              <th scope="col">{t('overview.session')}</th>
              <th scope="col">{t('overview.round')}</th>
              <th scope="col">{t('overview.participants')}</th>
              <th scope="col">{t('overview.state')}</th>
              <th scope="col">{t('overview.report')}</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((s) => (
              <tr key={s.id}>
                <td>{format.dateTime(s.startedAt ?? s.createdAt)}</td>
                <th scope="row">
                  <Link to="/workshops/sessions/$sessionId" params={{ sessionId: s.id }}>
                    {s.title}
                  </Link>
                  {scenarioTitle(s.scenarioId, s.title) !== s.title ? (
                    <span className="small muted ws-overview__scenario">{t('overview.scenarioOf', { title: scenarioTitle(s.scenarioId, s.title) })}</span>
                  ) : null}
                </th>
                <td>{s.round}</td>
                <td>{s.participantCount}</td>
                <td>
                  <StateBadge state={s.state} />
                </td>
                <td>
                  {s.state === 'ended' ? (
                    <Link
                      to="/workshops/sessions/$sessionId"
                      params={{ sessionId: s.id }}
                      hash="ws-report-h"
                      aria-label={t('overview.reportFor', { title: s.title, round: s.round })}
                    >
                      {t('overview.openReport')}
                    </Link>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
