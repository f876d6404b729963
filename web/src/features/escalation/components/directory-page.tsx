import type { EscalationTopic } from '@innenhof/contract';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { IconPlus, IconSearch, IconSettings } from '../../../components/ui/icons.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useTopics } from '../api/list-topics.ts';
import { ContactNowBlock } from './contact-person.tsx';
import { MyEscalations } from './escalation-lists.tsx';
import { PrintButton, PrintDirectory } from './print.tsx';
import { TopicFormDialog } from './topic-form-dialog.tsx';
import '../escalation.css';

const route = getRouteApi('/_app/escalation');

/** `/escalation`: "Who do I turn to?" — search, and every topic with the person to contact right now. */
export function DirectoryPage() {
  const { t } = useTranslation('escalation');
  const { q: initial, archived } = route.useSearch();
  const navigate = useNavigate();
  const searchId = useId();
  const [text, setText] = useState(initial ?? '');
  const q = useDebouncedValue(text, 250);
  const topics = useTopics(q, Boolean(archived));
  const [creating, setCreating] = useState(false);

  // The query stays in the address, so a search can be shared and survives a reload.
  useEffect(() => {
    const next = q.trim() || undefined;
    if (next !== (initial ?? undefined)) void navigate({ to: '/escalation', search: (s) => ({ ...s, q: next }), replace: true });
  }, [q, initial, navigate]);

  const page = topics.data;
  return (
    <div className="stack esc-page">
      <PageHeader
        title={t('title')}
        actions={
          <>
            <PrintButton />
            <a className="button" href="/api/v1/escalation/export.csv" download>
              {t('export')}
            </a>
            {page?.canManage ? (
              <Link to="/escalation/settings" className="button">
                <IconSettings width={18} height={18} /> {t('settings.link')}
              </Link>
            ) : null}
            {page?.canCreate ? (
              <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                <IconPlus width={18} height={18} /> {t('create')}
              </button>
            ) : null}
          </>
        }
      >
        <p className="muted">{t('intro')}</p>
      </PageHeader>

      <search className="card esc-search">
        <label htmlFor={searchId} className="esc-search__label">
          {t('search.label')}
        </label>
        <div className="esc-search__control">
          <IconSearch width={20} height={20} className="esc-search__icon" />
          <input
            id={searchId}
            className="input esc-search__input"
            type="search"
            value={text}
            placeholder={t('search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        {page?.canCreate ? (
          <label className="checkbox esc-search__archived">
            <input
              type="checkbox"
              checked={Boolean(archived)}
              onChange={(event) => void navigate({ to: '/escalation', search: (s) => ({ ...s, archived: event.target.checked || undefined }), replace: true })}
            />{' '}
            {t('filters.archived')}
          </label>
        ) : null}
      </search>

      {topics.isPending ? (
        <Spinner />
      ) : topics.isError ? (
        <Alert tone="error">{errorMessage(t, topics.error)}</Alert>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {t('results', { count: topics.data.items.length })}
          </p>
          {topics.data.items.length === 0 ? (
            <div className="card empty">
              <p>{q.trim() ? t('empty.search', { q: q.trim() }) : archived ? t('empty.archived') : t('empty.none')}</p>
            </div>
          ) : (
            <ul className="esc-grid" aria-label={t('listLabel')}>
              {topics.data.items.map((topic) => (
                <li key={topic.id}>
                  <TopicCard topic={topic} />
                </li>
              ))}
            </ul>
          )}
          <PrintDirectory topics={topics.data.items} />
        </>
      )}

      <MyEscalations />

      {creating ? (
        <TopicFormDialog
          onClose={() => setCreating(false)}
          onSaved={(topic) => {
            setCreating(false);
            void navigate({ to: '/escalation/topics/$topicId', params: { topicId: topic.id } });
          }}
        />
      ) : null}
    </div>
  );
}

/** One topic: its title (to the topic page), a line of description and who to contact right now. */
export function TopicCard({ topic }: { topic: EscalationTopic }) {
  const { t } = useTranslation('escalation');
  const headingId = useId();
  return (
    <article className="card esc-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="esc-card__title">
        <Link to="/escalation/topics/$topicId" params={{ topicId: topic.id }}>
          {topic.title}
        </Link>
      </h2>
      {topic.archivedAt ? <span className="badge badge--revoked">{t('archived')}</span> : null}
      {topic.description ? <p className="esc-card__description">{topic.description}</p> : null}
      <ContactNowBlock now={topic.now} responsible={topic.responsible} />
    </article>
  );
}
