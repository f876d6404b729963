import './groups.css';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useGroups } from '../api/list-groups.ts';

/** "Your groups": the home page of guests (who see nothing else), and a shortcut list for everyone. */
export function MyGroupsCard({ headingId, lead }: { headingId: string; lead?: string }) {
  const { t } = useTranslation('groups');
  const format = useFormatters();
  const groups = useGroups('mine', '', 50);
  const items = groups.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('mine.title')}
      </h2>
      {lead ? <p className="muted">{lead}</p> : null}
      {groups.isPending ? <Spinner /> : null}
      {groups.isError ? <Alert tone="error">{errorMessage(t, groups.error)}</Alert> : null}
      {groups.isSuccess && !items.length ? <p className="muted">{t('mine.empty')}</p> : null}
      <ul className="plain-list">
        {items.map((group) => (
          <li key={group.id} className="group-row">
            {group.cover ? <img className="group-row__thumb" src={group.cover.small} alt="" /> : <span className="group-row__thumb" aria-hidden="true" />}
            <span className="group-row__text">
              <Link to="/groups/$groupId" params={{ groupId: group.slug }} className="group-row__name">
                {group.name}
              </Link>
              <span className="group-row__sub">
                {t(`visibility.${group.visibility}.label`)} · {t('memberCount', { count: group.memberCount, formatted: format.number(group.memberCount) })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
