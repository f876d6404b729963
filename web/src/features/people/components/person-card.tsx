import type { UserSummary } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { GuestBadge } from '../../../components/ui/guest-badge.tsx';

export function PersonCard({ person }: { person: UserSummary }) {
  const { t } = useTranslation('people');
  return (
    <article className="person-card">
      <Avatar user={person} size="lg" alt="" />
      <div className="person-card__body">
        <h2 className="person-card__name">
          <Link to="/people/$id" params={{ id: person.id }} className="person-card__link">
            {person.name}
          </Link>
          <GuestBadge user={person} />
        </h2>
        {person.jobTitle ? <p className="person-card__title">{person.jobTitle}</p> : null}
        {person.department || person.location ? <p className="person-card__meta">{[person.department, person.location].filter(Boolean).join(' · ')}</p> : null}
        {person.status === 'deactivated' ? <span className="badge badge--revoked">{t('deactivated')}</span> : null}
      </div>
    </article>
  );
}

/** Compact row: avatar, name link and job title, or `sub` instead (lists in cards and the right column). */
export function PersonRow({ person, sub }: { person: UserSummary; sub?: string }) {
  const line = sub ?? person.jobTitle;
  return (
    <div className="person-row">
      <Avatar user={person} size="sm" alt="" />
      <div className="person-row__text">
        {person.role === 'guest' ? (
          <span className="person-row__line">
            <Link to="/people/$id" params={{ id: person.id }} className="person-row__name">
              {person.name}
            </Link>
            <GuestBadge user={person} />
          </span>
        ) : (
          <Link to="/people/$id" params={{ id: person.id }} className="person-row__name">
            {person.name}
          </Link>
        )}
        {line ? <span className="person-row__sub">{line}</span> : null}
      </div>
    </div>
  );
}
