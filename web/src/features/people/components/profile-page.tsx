import type { UserProfile } from '@innenhof/contract';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { GuestBadge } from '../../../components/ui/guest-badge.tsx';
import { IconBriefcase, IconBuilding, IconChat, IconEdit, IconMail, IconPhone, IconPin } from '../../../components/ui/icons.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { PresenceStatus } from '../../../components/presence-status.tsx';
import { useOpenConversation } from '../../../lib/chat-dock.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { useUser } from '../api/get-user.ts';
import { useStartConversation } from '../api/start-conversation.ts';
import { EditProfileDialog } from './edit-profile-dialog.tsx';
import { PersonRow } from './person-card.tsx';

const route = getRouteApi('/_app/people/$id');

/**
 * A profile. The app may add parts from other features: `renderActions` (next to "Message") and
 * `renderTimeline` (under the profile's cards).
 */
export function ProfilePage({
  renderActions,
  renderTimeline,
}: {
  renderActions?: (profile: UserProfile, isMe: boolean) => ReactNode;
  renderTimeline?: (profile: UserProfile) => ReactNode;
} = {}) {
  const { t } = useTranslation('people');
  const { id } = route.useParams();
  const { welcome } = route.useSearch();
  const me = useMe();
  const format = useFormatters();
  const user = useUser(id);
  const [editing, setEditing] = useState(false);
  const openConversation = useOpenConversation();
  const startChat = useStartConversation();
  useDocumentTitle(user.data?.name ?? t('profile.title'));

  if (user.isPending) return <Spinner />;
  if (user.isError) {
    return (
      <div className="card">
        <h1 className="page-header__title">{t('profile.title')}</h1>
        <Alert tone="error">{isApiError(user.error, 'not_found') ? t('profile.notFound') : errorMessage(t, user.error)}</Alert>
      </div>
    );
  }

  const profile = user.data;
  const isMe = profile.id === me.user.id;
  // Without the directory and org chart (guests): show those facts as plain text.
  const viewerIsGuest = !me.abilities.viewDirectory;
  const incomplete = !profile.avatar || !profile.jobTitle;
  return (
    <div className="profile">
      <header className="profile__header card card--flush">
        <div className="profile__cover">{profile.cover ? <img src={profile.cover.large} alt={t('profile.coverAlt', { name: profile.name })} /> : null}</div>
        <div className="profile__identity">
          <Avatar user={profile} size="xl" className="profile__avatar" alt={t('profile.avatarAlt', { name: profile.name })} />
          <div className="profile__names">
            <h1 className="profile__name">{profile.name}</h1>
            {profile.role === 'guest' ? (
              <p>
                <GuestBadge user={profile} /> <span className="muted">{t('profile.guestHint')}</span>
              </p>
            ) : null}
            {profile.jobTitle ? <p className="profile__job">{profile.jobTitle}</p> : null}
            {!isMe && profile.status !== 'deactivated' ? <PresenceStatus userId={profile.id} className="profile__presence" /> : null}
            {profile.status === 'deactivated' ? <span className="badge badge--revoked">{t('deactivated')}</span> : null}
          </div>
          {!isMe && profile.status !== 'deactivated' ? (
            <div className="profile__actions">
              <button
                type="button"
                className={`button${profile.abilities.update ? '' : ' button--primary'}`}
                disabled={startChat.isPending}
                onClick={() =>
                  // Wide screens: a docked chat window; phones and tablets: the full-screen conversation.
                  startChat.mutate(profile.id, { onSuccess: (conversation) => openConversation(conversation.id) })
                }
              >
                <IconChat width={18} height={18} /> {t('profile.message')}
              </button>
              {renderActions?.(profile, isMe)}
            </div>
          ) : null}
          {profile.abilities.update ? (
            <div className="profile__actions">
              <button type="button" className="button button--primary" onClick={() => setEditing(true)}>
                <IconEdit width={18} height={18} /> {t('profile.edit')}
              </button>
            </div>
          ) : null}
        </div>
      </header>

      {startChat.isError ? <Alert tone="error">{errorMessage(t, startChat.error)}</Alert> : null}
      {isMe && welcome ? <Alert tone="success">{t('profile.welcome')}</Alert> : null}
      {isMe && incomplete && !welcome ? <Alert tone="info">{t('profile.completeHint')}</Alert> : null}

      <div className="profile__columns">
        <div className="profile__side stack">
          <section className="card" aria-labelledby="intro-heading">
            <h2 id="intro-heading" className="card__title">
              {t('profile.intro')}
            </h2>
            <ul className="facts">
              {profile.jobTitle ? (
                <li>
                  <IconBriefcase width={20} height={20} />
                  <span>
                    <span className="visually-hidden">{t('fields.jobTitle')}: </span>
                    {profile.jobTitle}
                  </span>
                </li>
              ) : null}
              {profile.department ? (
                <li>
                  <IconBuilding width={20} height={20} />
                  <span>
                    <span className="visually-hidden">{t('fields.department')}: </span>
                    {viewerIsGuest ? (
                      profile.department
                    ) : (
                      <Link to="/people" search={{ department: profile.department }}>
                        {profile.department}
                      </Link>
                    )}
                  </span>
                </li>
              ) : null}
              {profile.location ? (
                <li>
                  <IconPin width={20} height={20} />
                  <span>
                    <span className="visually-hidden">{t('fields.location')}: </span>
                    {viewerIsGuest ? (
                      profile.location
                    ) : (
                      <Link to="/people" search={{ location: profile.location }}>
                        {profile.location}
                      </Link>
                    )}
                  </span>
                </li>
              ) : null}
              {profile.phone ? (
                <li>
                  <IconPhone width={20} height={20} />
                  <span>
                    <span className="visually-hidden">{t('fields.phone')}: </span>
                    <a href={`tel:${profile.phone.replace(/[^0-9+]/g, '')}`}>{profile.phone}</a>
                  </span>
                </li>
              ) : null}
              <li>
                <IconMail width={20} height={20} />
                <span>
                  <span className="visually-hidden">{t('fields.email')}: </span>
                  <a href={`mailto:${profile.email}`}>{profile.email}</a>
                </span>
              </li>
            </ul>
            <p className="muted small">{t('profile.since', { date: format.date(profile.createdAt) })}</p>
          </section>

          <section className="card" aria-labelledby="team-heading">
            <h2 id="team-heading" className="card__title">
              {t('profile.team')}
            </h2>
            <h3 className="card__subtitle">{t('fields.manager')}</h3>
            {profile.manager ? <PersonRow person={profile.manager} /> : <p className="muted">{t('profile.noManager')}</p>}
            <h3 className="card__subtitle">{t('profile.reports', { count: profile.reports.length })}</h3>
            {profile.reports.length ? (
              <ul className="plain-list">
                {profile.reports.map((r) => (
                  <li key={r.id}>
                    <PersonRow person={r} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('profile.noReports')}</p>
            )}
            {viewerIsGuest ? null : (
              <p>
                <Link to="/people/org-chart" search={{ managerId: profile.id }}>
                  {t('profile.showInOrgChart')}
                </Link>
              </p>
            )}
          </section>
        </div>

        <div className="profile__main stack">
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading" className="card__title">
              {t('profile.about', { name: profile.name })}
            </h2>
            {profile.about ? <p className="prewrap">{profile.about}</p> : <p className="muted">{t('profile.noAbout')}</p>}
          </section>
          <section className="card" aria-labelledby="skills-heading">
            <h2 id="skills-heading" className="card__title">
              {t('fields.skills')}
            </h2>
            {profile.skills.length ? (
              <ul className="chips">
                {profile.skills.map((skill) => (
                  <li key={skill} className="chip">
                    {skill}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('profile.noSkills')}</p>
            )}
          </section>
          {renderTimeline?.(profile)}
        </div>
      </div>

      {profile.abilities.update ? <EditProfileDialog profile={profile} open={editing} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
