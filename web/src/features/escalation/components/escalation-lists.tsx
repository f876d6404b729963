import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEscalations } from '../api/escalations.ts';
import { useEscalationFormat } from '../lib/format.ts';
import { StatusBadge } from './escalation-status.tsx';

/** The escalations I raised or that were sent to me, newest first (shown under the directory when there are any). */
export function MyEscalations() {
  const { t } = useTranslation('escalation');
  const format = useEscalationFormat();
  const mine = useEscalations('mine');
  const assigned = useEscalations('assigned');
  const headingId = useId();
  const byId = new Map([...(assigned.data?.items ?? []), ...(mine.data?.items ?? [])].map((e) => [e.id, e]));
  const items = [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 10);
  if (!items.length) return null;
  return (
    <section className="card esc-no-print" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('case.listTitle')}
      </h2>
      <ul className="esc-case-list">
        {items.map((escalation) => (
          <li key={escalation.id}>
            <Link to="/escalations/$escalationId" params={{ escalationId: escalation.id }} className="esc-case-list__link">
              <span className="esc-case-list__title">{escalation.topic.title}</span>
              <span className="muted small">
                {format.dateTime(escalation.createdAt)} · {escalation.raiser?.name ?? t('formerMember')} → {escalation.assignee?.name ?? '–'}
              </span>
            </Link>
            <StatusBadge escalation={escalation} />
          </li>
        ))}
      </ul>
    </section>
  );
}
