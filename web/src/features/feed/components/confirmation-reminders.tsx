import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { subscribeRealtime } from '../../../lib/realtime.ts';
import { postQueryOptions } from '../api/get-post.ts';
import { mustConfirm } from '../lib/must-confirm.ts';
import { addReminder, useReminders } from '../lib/reminders.ts';

// The banner (with the markdown-to-text code, the feed's styles and catalog) loads only once a reminder came.
const ReminderBanner = lazy(() => import('./reminder-banner.tsx').then((m) => ({ default: m.ReminderBanner })));

/**
 * "Remind the rest" reaches the readers wherever they are in the app: the server sends the audience an
 * `announcement.reminded` invalidation without content; each tab fetches the post and decides itself whether
 * its user still has to confirm, then shows a banner at the top of the page until they confirm or close it.
 * Mounted once in the app shell (the feed's own live updates run only while a feed is on screen).
 */
export function ConfirmationReminders() {
  const queryClient = useQueryClient();
  const reminders = useReminders();

  useEffect(
    () =>
      subscribeRealtime((message) => {
        if (message.kind !== 'event' || message.event.type !== 'announcement.reminded' || !message.event.subjectId) return;
        const id = message.event.subjectId;
        queryClient.fetchQuery({ ...postQueryOptions(id), staleTime: 0 }).then(
          (post) => {
            if (mustConfirm(post)) addReminder(id);
          },
          () => {
            // Not visible to me (any more): nothing to confirm.
          },
        );
      }),
    [queryClient],
  );

  if (!reminders.length) return null;
  return (
    <Suspense fallback={null}>
      <div className="reminders">
        {reminders.map((id) => (
          <ReminderBanner key={id} postId={id} />
        ))}
      </div>
    </Suspense>
  );
}
