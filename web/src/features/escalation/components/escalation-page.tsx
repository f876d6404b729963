import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { EscalationStatusView } from './escalation-status.tsx';
import '../escalation.css';

const route = getRouteApi('/_app/escalations/$escalationId');

/** `/escalations/:id`: one urgent escalation (where its notification, e-mail and chat message link to). */
export function EscalationPage() {
  const { t } = useTranslation('escalation');
  const { escalationId } = route.useParams();
  return (
    <div className="stack esc-page">
      <p>
        <Link to="/escalation">← {t('back')}</Link>
      </p>
      <PageHeader title={t('case.title')} />
      <div className="card">
        <EscalationStatusView id={escalationId} showTopic />
      </div>
    </div>
  );
}
