import type { Group } from '@innenhof/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconLock } from '../../../components/ui/icons.tsx';
import { useCurrentGroup } from '../hooks/use-current-group.ts';

/**
 * The discussion: the welcome text (for members) above the group's feed, which the app passes in
 * (`renderFeed`; features do not import each other). Without it, an honest empty state.
 */
export function DiscussionTab({ renderFeed }: { renderFeed?: (group: Group) => ReactNode }) {
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
      {renderFeed ? (
        <section aria-labelledby="discussion-heading">
          <h2 id="discussion-heading" className="visually-hidden">
            {t('discussion.title')}
          </h2>
          {renderFeed(group)}
        </section>
      ) : (
        <section className="card empty" aria-labelledby="discussion-heading">
          <h2 id="discussion-heading" className="card__title">
            {t('discussion.title')}
          </h2>
          <p>{t('discussion.empty')}</p>
        </section>
      )}
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
