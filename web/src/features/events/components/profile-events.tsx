import type { UserProfile } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/session.ts';
import { EventList } from './events-page.tsx';
import '../events.css';

/** "Events" on a profile: that person's upcoming events (only those I can see). */
export function ProfileEvents({ profile }: { profile: UserProfile }) {
  const { t } = useTranslation('events');
  const me = useMe();
  const isMe = me.user.id === profile.id;
  return (
    <section className="stack profile-events" aria-labelledby="profile-events-heading">
      <h2 id="profile-events-heading" className="card__title profile-events__title">
        {isMe ? t('profile.titleMine') : t('profile.title', { name: profile.name })}
      </h2>
      <EventList
        filter={{ kind: 'user', userId: profile.id }}
        limit={5}
        label={t('profile.title', { name: profile.name })}
        empty={isMe ? t('profile.emptyMine') : t('profile.empty', { name: profile.name })}
      />
    </section>
  );
}
