import { ProfileEvents } from '../../features/events/components/profile-events.tsx';
import { FollowButton, ProfileTimeline } from '../../features/feed/components/feeds.tsx';
import { ProfilePage } from '../../features/people/components/profile-page.tsx';

/** A profile with the feed's parts ("Follow" in the header, the timeline) and the person's upcoming events. */
export function ProfileRoute() {
  return (
    <ProfilePage
      renderActions={(profile, isMe) => (isMe || profile.status === 'deactivated' ? null : <FollowButton userId={profile.id} />)}
      renderTimeline={(profile) => (
        <>
          <ProfileEvents profile={profile} />
          <ProfileTimeline profile={profile} />
        </>
      )}
    />
  );
}
