import type { Escalation } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { IconAlert } from '../../../components/ui/icons.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useAcknowledgeEscalation, useEscalations } from '../api/escalations.ts';
import '../escalation.css';

const EXCERPT = 120;

/**
 * Urgent escalations waiting for me, as a red banner on every page until I acknowledge them (mounted once in
 * the app shell; the `escalation.*` live events refresh it).
 */
export function EscalationAlerts({ enabled }: { enabled: boolean }) {
  const open = useEscalations('assigned', 'open', enabled);
  const top = useEscalations('assigned', 'unacknowledged_at_top', enabled);
  const waiting = [...(open.data?.items ?? []), ...(top.data?.items ?? [])].filter((e) => e.abilities.acknowledge);
  if (!waiting.length) return null;
  return (
    <div className="esc-alerts esc-no-print">
      {waiting.map((escalation) => (
        <EscalationBanner key={escalation.id} escalation={escalation} />
      ))}
    </div>
  );
}

function EscalationBanner({ escalation }: { escalation: Escalation }) {
  const { t } = useTranslation('escalation');
  const acknowledge = useAcknowledgeEscalation();
  const excerpt = escalation.message.length > EXCERPT ? `${escalation.message.slice(0, EXCERPT).trimEnd()}…` : escalation.message;
  return (
    <section className="esc-alert" aria-label={t('alert.label', { topic: escalation.topic.title })}>
      <IconAlert width={22} height={22} className="esc-alert__icon" />
      <div className="esc-alert__text">
        <p>
          <strong>{t('alert.title', { topic: escalation.topic.title })}</strong> {t('alert.from', { name: escalation.raiser?.name ?? t('formerMember') })}
        </p>
        <p className="esc-alert__message">“{excerpt}”</p>
        {acknowledge.isError ? <Alert tone="error">{errorMessage(t, acknowledge.error)}</Alert> : null}
      </div>
      <div className="esc-alert__actions">
        <button type="button" className="button button--primary" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(escalation.id)}>
          {t('case.acknowledge')}
        </button>
        <Link to="/escalations/$escalationId" params={{ escalationId: escalation.id }} className="button">
          {t('alert.open')}
        </Link>
      </div>
    </section>
  );
}
