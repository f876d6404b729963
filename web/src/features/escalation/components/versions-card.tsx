import type { EscalationTopicVersion } from '@innenhof/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useTopicVersions } from '../api/get-topic.ts';

const knownFields = new Set([
  'title',
  'description',
  'keywords',
  'responsibleId',
  'deputyId',
  'timeZone',
  'businessHours',
  'chain',
  'ackTimeoutMinutes',
  'outOfHours',
  'archived',
]);

/** The version history: who changed which fields when, with before → after for each. */
export function VersionsCard({ topicId }: { topicId: string }) {
  const { t } = useTranslation('escalation');
  const versions = useTopicVersions(topicId);
  const headingId = useId();
  return (
    <section className="card esc-versions" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('versions.title')}
      </h2>
      {versions.isError ? <Alert tone="error">{errorMessage(t, versions.error)}</Alert> : null}
      {versions.data ? (
        <ol className="esc-versions__list">
          {versions.data.items.map((version) => (
            <VersionRow key={version.id} version={version} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function VersionRow({ version }: { version: EscalationTopicVersion }) {
  const { t } = useTranslation('escalation');
  const format = useFormatters();
  const fieldName = (field: string) => (knownFields.has(field) ? t(`changeFields.${field}`) : field);
  const archivedChange = version.changes.length === 1 && version.changes[0]?.field === 'archived' ? version.changes[0] : null;
  const what =
    version.version === 1
      ? t('versions.created')
      : archivedChange
        ? archivedChange.to === 'yes'
          ? t('versions.archived')
          : t('versions.restored')
        : version.changes.length
          ? t('versions.changed', { fields: version.changes.map((c) => fieldName(c.field)).join(', ') })
          : version.summary;
  return (
    <li className="esc-version">
      {version.author ? <Avatar user={version.author} size="xs" alt="" /> : null}
      <div className="esc-version__body">
        <p>
          <strong>{version.author?.name ?? t('formerMember')}</strong> · {what}
        </p>
        <p className="muted small">
          {t('versions.number', { version: version.version })} ·{' '}
          <time dateTime={version.createdAt} title={format.dateTime(version.createdAt)}>
            {format.dateTime(version.createdAt)}
          </time>
        </p>
        {version.version > 1 && version.changes.length && !archivedChange ? (
          <details className="esc-version__details">
            <summary>{t('versions.details')}</summary>
            <dl>
              {version.changes.map((change) => (
                <div key={change.field} className="esc-version__change">
                  <dt>{fieldName(change.field)}</dt>
                  <dd>
                    <span className="esc-version__from">{change.from ?? '–'}</span> → <span>{change.to ?? '–'}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        ) : null}
      </div>
    </li>
  );
}
