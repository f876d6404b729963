import { GroupInvitationsCard } from '../../features/groups/components/group-invitations-card.tsx';
import { MyGroupsCard } from '../../features/groups/components/my-groups-card.tsx';
import { UpcomingEventsCard } from '../../features/events/components/upcoming-events-card.tsx';
import { HomeFeed } from '../../features/feed/components/feeds.tsx';
import { HomePage } from '../../features/home/components/home-page.tsx';
import { ColleaguesCard } from '../../features/people/components/colleagues-card.tsx';
import { useMe } from '../../lib/session.ts';

/** Home composes cards from several features (the app layer may, features may not). */
export function HomeRoute() {
  const me = useMe();
  if (me.user.role === 'guest') {
    // Guests see only the groups they were invited to: those are their home.
    return <HomePage main={<MyGroupsCard headingId="home-my-groups" />} />;
  }
  return (
    <HomePage
      main={<HomeFeed />}
      aside={
        <div className="stack">
          <GroupInvitationsCard headingId="home-group-invitations" />
          <UpcomingEventsCard headingId="home-upcoming-events" />
          <ColleaguesCard excludeId={me.user.id} headingId="home-colleagues" />
        </div>
      }
    />
  );
}
