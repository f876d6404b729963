import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { useCurrentGroup } from '../hooks/use-current-group.ts';

export function AboutTab() {
  const { t } = useTranslation('groups');
  const format = useFormatters();
  const { group } = useCurrentGroup();
  return (
    <section className="card" aria-labelledby="about-heading">
      <h2 id="about-heading" className="card__title">
        {t('about.title')}
      </h2>
      {group.description ? <p className="prewrap">{group.description}</p> : <p className="muted">{t('about.noDescription')}</p>}
      <dl className="facts-list">
        <dt>{t('about.visibility')}</dt>
        <dd>
          {t(`visibility.${group.visibility}.label`)} – {t(`visibility.${group.visibility}.hint`)}
        </dd>
        <dt>{t('about.joinPolicy')}</dt>
        <dd>
          {t(`joinPolicy.${group.joinPolicy}.label`)} – {t(`joinPolicy.${group.joinPolicy}.hint`)}
        </dd>
        <dt>{t('about.members')}</dt>
        <dd>{t('memberCount', { count: group.memberCount, formatted: format.number(group.memberCount) })}</dd>
        <dt>{t('about.created')}</dt>
        <dd>{format.date(group.createdAt)}</dd>
        {group.archivedAt ? (
          <>
            <dt>{t('about.archived')}</dt>
            <dd>{format.date(group.archivedAt)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
