import { FollowButton, ProfileTimeline } from '../../features/feed/components/feeds.tsx';
import { ProfilePage } from '../../features/people/components/profile-page.tsx';

/** A profile with the feed's parts: "Follow" in the header and the timeline under the profile. */
export function ProfileRoute() {
  return (
    <ProfilePage
      renderActions={(profile, isMe) => (isMe || profile.status === 'deactivated' ? null : <FollowButton userId={profile.id} />)}
      renderTimeline={(profile) => <ProfileTimeline profile={profile} />}
    />
  );
}
