import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { useUsers } from '../api/list-users.ts';
import { PersonRow } from './person-card.tsx';

const SHOWN = 5;

/** The most recently joined colleagues (right column and the home page on phones). */
export function ColleaguesCard({ excludeId, headingId }: { excludeId?: string; headingId: string }) {
  const { t } = useTranslation('people');
  const format = useFormatters();
  // One more than shown, in case the reader is among the newest.
  const users = useUsers({ sort: 'newest' }, SHOWN + 1);
  const people = (users.data?.pages[0]?.items ?? []).filter((p) => p.id !== excludeId).slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('colleagues.title')}
      </h2>
      {users.isSuccess && people.length === 0 ? <p className="muted">{t('colleagues.empty')}</p> : null}
      <ul className="plain-list">
        {people.map((person) => (
          <li key={person.id}>
            <PersonRow
              person={person}
              sub={[person.jobTitle, t('colleagues.joined', { when: format.relative(person.createdAt) })].filter(Boolean).join(' · ')}
            />
          </li>
        ))}
      </ul>
      <p>
        <Link to="/people">{t('colleagues.all')}</Link>
      </p>
    </section>
  );
}
