import { useRef } from 'react';
import { EventPage } from '../../features/events/components/event-page.tsx';
import { usePost } from '../../features/feed/api/get-post.ts';
import { Comments } from '../../features/feed/components/comments.tsx';
import { useFeedLive } from '../../features/feed/hooks/use-feed-live.ts';
import '../../features/feed/components/feed.css';

/** An event with the feed's part: the comments of its post (the app layer composes, features do not import each other). */
export function EventRoute() {
  return <EventPage renderComments={(postId) => <EventComments postId={postId} />} />;
}

function EventComments({ postId }: { postId: string }) {
  const post = usePost(postId);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useFeedLive();
  if (!post.data) return null;
  return (
    <div className="card">
      <Comments post={post.data} inputRef={inputRef} expandAll />
    </div>
  );
}
