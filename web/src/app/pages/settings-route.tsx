import { CalendarFeedCard } from '../../features/events/components/calendar-feed-card.tsx';
import { NotificationSettingsCard } from '../../features/notifications/components/notification-settings-card.tsx';
import { SettingsPage } from '../../features/settings/components/settings-page.tsx';

/** The settings page with the sections of other features (the app layer composes, features do not import each other). */
export function SettingsRoute() {
  return (
    <SettingsPage
      sections={
        <>
          <NotificationSettingsCard />
          <CalendarFeedCard />
        </>
      }
    />
  );
}
