import { useTranslation } from 'react-i18next';
import { IconLock } from '../../../components/ui/icons.tsx';
import { useCurrentGroup } from '../hooks/use-current-group.ts';

/**
 * The discussion. Posts arrive with the feed; until then the welcome text (for members) and an honest
 * empty state — no sample posts, no composer that goes nowhere.
 */
export function DiscussionTab() {
  const { t } = useTranslation('groups');
  const { group } = useCurrentGroup();

  if (!group.abilities.readContent) return <ClosedNotice />;
  return (
    <div className="stack">
      {group.membership.role && group.welcomeText ? (
        <section className="card hint" aria-labelledby="welcome-text-heading">
          <h2 id="welcome-text-heading" className="card__title">
            {t('discussion.welcome')}
          </h2>
          <p className="prewrap">{group.welcomeText}</p>
        </section>
      ) : null}
      <section className="card empty" aria-labelledby="discussion-heading">
        <h2 id="discussion-heading" className="card__title">
          {t('discussion.title')}
        </h2>
        <p>{t('discussion.empty')}</p>
      </section>
    </div>
  );
}

export function ClosedNotice() {
  const { t } = useTranslation('groups');
  const { group } = useCurrentGroup();
  return (
    <section className="card empty" aria-labelledby="closed-heading">
      <IconLock width={32} height={32} />
      <h2 id="closed-heading" className="card__title">
        {t('closed.title')}
      </h2>
      <p>{group.abilities.join || group.abilities.request ? t('closed.textJoin') : t('closed.text')}</p>
    </section>
  );
}
