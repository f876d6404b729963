import type { Escalation, EscalationStep } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useAcknowledgeEscalation, useEscalation } from '../api/escalations.ts';
import { useEscalationFormat } from '../lib/format.ts';
import { ContactPerson } from './contact-person.tsx';

/** The status of one escalation, kept live (real-time invalidations, plus a slow poll as a fallback). */
export function EscalationStatusView({ id, showTopic }: { id: string; showTopic?: boolean }) {
  const { t } = useTranslation('escalation');
  const escalation = useEscalation(id);
  if (escalation.isPending) return <Spinner />;
  if (escalation.isError) {
    return <Alert tone="error">{isApiError(escalation.error, 'not_found') ? t('case.notFound') : errorMessage(t, escalation.error)}</Alert>;
  }
  return <EscalationDetails escalation={escalation.data} showTopic={showTopic} />;
}

export function StatusBadge({ escalation }: { escalation: Escalation }) {
  const { t } = useTranslation('escalation');
  return <span className={`badge esc-status esc-status--${escalation.status}`}>{t(`case.status.${escalation.status}`)}</span>;
}

function EscalationDetails({ escalation, showTopic }: { escalation: Escalation; showTopic?: boolean }) {
  const { t } = useTranslation('escalation');
  const format = useEscalationFormat();
  const acknowledge = useAcknowledgeEscalation();
  const canAcknowledge = escalation.abilities.acknowledge && escalation.status !== 'acknowledged';
  return (
    <div className="esc-case stack">
      {showTopic ? (
        <p>
          {t('case.topic')}{' '}
          <Link to="/escalation/topics/$topicId" params={{ topicId: escalation.topic.id }}>
            {escalation.topic.title}
          </Link>
        </p>
      ) : null}
      <div className="esc-case__state" role="status" aria-live="polite">
        <StatusBadge escalation={escalation} />{' '}
        <span className="esc-case__summary">
          {escalation.status === 'acknowledged'
            ? t('case.acknowledgedBy', {
                name: escalation.acknowledgedBy?.name ?? t('formerMember'),
                time: escalation.acknowledgedAt ? format.dateTime(escalation.acknowledgedAt) : '',
              })
            : escalation.status === 'unacknowledged_at_top'
              ? t('case.atTop')
              : escalation.escalatesAt && escalation.level < escalation.levels
                ? t('case.escalatesAt', { level: escalation.level + 1, time: format.dateTime(escalation.escalatesAt) })
                : t('case.waiting')}
        </span>
      </div>
      {escalation.outOfHours ? (
        <Alert tone="info">{escalation.nextOpening ? t('case.outOfHoursUntil', { when: format.opening(escalation.nextOpening) }) : t('case.outOfHours')}</Alert>
      ) : null}
      <blockquote className="esc-case__message">
        <p className="muted small">
          {t('case.messageFrom', { name: escalation.raiser?.name ?? t('formerMember'), time: format.dateTime(escalation.createdAt) })}
        </p>
        <p>{escalation.message}</p>
      </blockquote>
      {escalation.assignee ? (
        <ContactPerson person={escalation.assignee} role={t('case.assignee', { level: escalation.level, levels: escalation.levels })} size="sm" />
      ) : null}
      {canAcknowledge ? (
        <div>
          <button type="button" className="button button--primary" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(escalation.id)}>
            {t('case.acknowledge')}
          </button>
          {acknowledge.isError ? <Alert tone="error">{errorMessage(t, acknowledge.error)}</Alert> : null}
        </div>
      ) : null}
      <section aria-label={t('case.steps')}>
        <h3 className="card__subtitle">{t('case.steps')}</h3>
        <ol className="esc-steps">
          {escalation.steps.map((step) => (
            <li key={`${step.kind}-${step.level}-${step.at}`} className={`esc-step esc-step--${step.kind}`}>
              <time dateTime={step.at} className="esc-step__time">
                {format.time(step.at)}
              </time>
              <span>{stepText(t, step)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function stepText(t: ReturnType<typeof useTranslation<'escalation'>>['t'], step: EscalationStep): string {
  const name = step.user?.name ?? t('formerMember');
  switch (step.kind) {
    case 'raised':
      return t('case.step.raised', { name });
    case 'notified':
      return t('case.step.notified', { name, level: step.level });
    case 'escalated':
      return t('case.step.escalated', { name, level: step.level });
    case 'acknowledged':
      return t('case.step.acknowledged', { name });
    case 'unacknowledged_at_top':
      return t('case.step.unacknowledgedAtTop');
    default:
      return step.kind;
  }
}
