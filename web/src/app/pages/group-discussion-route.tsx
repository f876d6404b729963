import { GroupFeed } from '../../features/feed/components/feeds.tsx';
import { DiscussionTab } from '../../features/groups/components/discussion-tab.tsx';

/** A group's Discussion tab: the groups feature's frame with the feed inside (the app composes features). */
export function GroupDiscussionRoute() {
  return <DiscussionTab renderFeed={(group) => <GroupFeed group={group} />} />;
}
