import type { EscalationTopic } from '@innenhof/contract';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { IconAlert, IconEdit } from '../../../components/ui/icons.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useTopic } from '../api/get-topic.ts';
import { useArchiveTopic } from '../api/topic-actions.ts';
import { ContactNowBlock, ContactPerson } from './contact-person.tsx';
import { EscalateDialog } from './escalate-dialog.tsx';
import { PrintButton } from './print.tsx';
import { BusinessHoursCard, ChainCard, OutOfHoursCard } from './topic-facts.tsx';
import { TopicFormDialog } from './topic-form-dialog.tsx';
import { VersionsCard } from './versions-card.tsx';
import '../escalation.css';

const route = getRouteApi('/_app/escalation/topics/$topicId');

/** `/escalation/topics/:id`: everything about one topic, "Escalate urgently", and (for editors) edit and archive. */
export function TopicPage() {
  const { t } = useTranslation('escalation');
  const { topicId } = route.useParams();
  const topic = useTopic(topicId);
  useDocumentTitle(topic.data?.title ?? t('title'));
  if (topic.isPending) return <Spinner />;
  if (topic.isError) {
    return (
      <section className="card empty">
        <h1 className="page-header__title">{t('title')}</h1>
        <p>{isApiError(topic.error, 'not_found') ? t('notFound') : errorMessage(t, topic.error)}</p>
        <Link to="/escalation">{t('back')}</Link>
      </section>
    );
  }
  return <TopicDetails topic={topic.data} />;
}

type Open = null | 'edit' | 'escalate' | 'archive';

function TopicDetails({ topic }: { topic: EscalationTopic }) {
  const { t } = useTranslation('escalation');
  const [open, setOpen] = useState<Open>(null);
  const nowId = useId();
  return (
    <div className="stack esc-page esc-topic">
      <p className="esc-no-print">
        <Link to="/escalation">← {t('back')}</Link>
      </p>
      <article className="card esc-topic__main" aria-labelledby="esc-topic-title">
        <h1 id="esc-topic-title" className="page-header__title">
          {topic.title}
        </h1>
        {topic.archivedAt ? <Alert tone="info">{t('archivedNotice')}</Alert> : null}
        {topic.description ? <p className="esc-topic__description">{topic.description}</p> : null}
        {topic.keywords.length ? (
          <ul className="chips esc-topic__keywords" aria-label={t('fields.keywords')}>
            {topic.keywords.map((keyword) => (
              <li key={keyword} className="chip">
                {keyword}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="esc-topic__actions esc-no-print">
          {topic.abilities.escalate && !topic.archivedAt ? (
            <button type="button" className="button button--danger esc-escalate-button" onClick={() => setOpen('escalate')}>
              <IconAlert width={18} height={18} /> {t('escalate.button')}
            </button>
          ) : null}
          {topic.abilities.update ? (
            <button type="button" className="button" onClick={() => setOpen('edit')}>
              <IconEdit width={18} height={18} /> {t('edit')}
            </button>
          ) : null}
          {topic.abilities.archive ? (
            <button type="button" className="button" onClick={() => setOpen('archive')}>
              {topic.archivedAt ? t('restore') : t('archive')}
            </button>
          ) : null}
          <PrintButton />
        </div>
      </article>

      <section className="card esc-topic__now" aria-labelledby={nowId}>
        <h2 id={nowId} className="card__title">
          {t('now.title')}
        </h2>
        <ContactNowBlock now={topic.now} responsible={topic.responsible} />
        <div className="esc-topic__people">
          {topic.responsible && topic.now.contact?.id !== topic.responsible.id ? (
            <ContactPerson person={topic.responsible} role={t('roles.responsible')} size="sm" />
          ) : null}
          {topic.deputy ? <ContactPerson person={topic.deputy} role={t('roles.deputy')} size="sm" /> : null}
        </div>
      </section>

      <div className="esc-topic__columns">
        <ChainCard topic={topic} />
        <BusinessHoursCard topic={topic} />
        <OutOfHoursCard topic={topic} />
      </div>

      <VersionsCard topicId={topic.id} />

      {open === 'edit' ? <TopicFormDialog topic={topic} onClose={() => setOpen(null)} onSaved={() => setOpen(null)} /> : null}
      {open === 'escalate' ? <EscalateDialog topic={topic} onClose={() => setOpen(null)} /> : null}
      {open === 'archive' ? <ArchiveDialog topic={topic} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function ArchiveDialog({ topic, onClose }: { topic: EscalationTopic; onClose: () => void }) {
  const { t } = useTranslation('escalation');
  const archive = useArchiveTopic(topic.id);
  const restoring = Boolean(topic.archivedAt);
  return (
    <Dialog open title={restoring ? t('restoreDialog.title') : t('archiveDialog.title')} onClose={onClose}>
      <p>{restoring ? t('restoreDialog.text') : t('archiveDialog.text')}</p>
      {archive.isError ? <Alert tone="error">{errorMessage(t, archive.error)}</Alert> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common:cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={archive.isPending}
          onClick={() => archive.mutate(!restoring, { onSuccess: onClose })}
        >
          {restoring ? t('restore') : t('archive')}
        </button>
      </div>
    </Dialog>
  );
}
