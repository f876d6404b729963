import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadTotal } from '../../features/chat/api/get-unread-total.ts';
import { usePresenceUpdates } from '../../features/chat/api/presence.ts';
import { OnlineColleaguesCard } from '../../features/chat/dock/online-card.tsx';
import { useChatAlerts } from '../../features/chat/dock/use-chat-alerts.ts';
import { useUnreadTitle } from '../../features/chat/hooks/use-unread-title.ts';
import { EscalationAlerts } from '../../features/escalation/components/escalation-alerts.tsx';
import { UpcomingEventsCard } from '../../features/events/components/upcoming-events-card.tsx';
import { ConfirmationReminders } from '../../features/feed/components/confirmation-reminders.tsx';
import { GroupInvitationsCard } from '../../features/groups/components/group-invitations-card.tsx';
import { ColleaguesCard } from '../../features/people/components/colleagues-card.tsx';
import { useDockAvailable, useDockWindows } from '../../lib/chat-dock.ts';
import { loadNamespaces, setLocale } from '../../lib/i18n.ts';
import { meQueryOptions } from '../../lib/session.ts';
import { applyTheme } from '../../lib/theme.ts';
import { useLiveUpdates } from '../use-live-updates.ts';
import { BottomTabs, LeftNav } from './navigation.tsx';
import { TopBar } from './top-bar.tsx';

// The windows embed the conversation view: loaded only once a window is open.
const ChatDock = lazy(() => import('../../features/chat/dock/chat-dock.tsx').then((m) => ({ default: m.ChatDock })));

/** Facebook's frame: top bar, left navigation, content, right column; a bottom tab bar on phones. */
export function AppShell() {
  const { t } = useTranslation('common');
  // Not `useMe()`: after logout or an expired session `me` becomes null while this is still mounted.
  const me = useQuery(meQueryOptions).data;
  const mainRef = useRef<HTMLElement>(null);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const firstPath = useRef(pathname);
  useLiveUpdates(me?.user.id);
  useUnreadTitle(useUnreadTotal());
  usePresenceUpdates();
  useChatAlerts(me?.user.id);
  // Chat and a workshop session (the practice stage beside the briefing) use the whole width.
  const wide = pathname === '/chat' || pathname.startsWith('/chat/') || pathname.startsWith('/workshops/sessions/');
  const dockAvailable = useDockAvailable();
  const docked = useDockWindows(me?.user.id ?? '').length > 0 && dockAvailable && !wide;
  useEffect(() => {
    if (docked) void loadNamespaces('chat');
  }, [docked]);

  // The user's saved preferences win over the device's.
  const locale = me?.locale;
  const theme = me?.theme;
  useEffect(() => {
    if (locale) void setLocale(locale);
  }, [locale]);
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);

  // After client-side navigation, move focus to the new page so screen readers start there.
  useEffect(() => {
    if (pathname !== firstPath.current) {
      firstPath.current = pathname;
      mainRef.current?.focus({ preventScroll: true });
    }
  }, [pathname]);

  if (!me) return <Navigate to="/login" />;
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <TopBar />
      <div className={`app__body${wide ? ' app__body--wide' : ''}`}>
        <LeftNav />
        <main id="main" ref={mainRef} tabIndex={-1} className="app__main">
          <ConfirmationReminders />
          <EscalationAlerts enabled={me.user.role !== 'guest'} />
          <Outlet />
        </main>
        <aside className="app__aside" aria-label={t('aside')} hidden={wide}>
          {pathname === '/' && me.user.role !== 'guest' ? <GroupInvitationsCard headingId="aside-group-invitations" /> : null}
          {pathname === '/' ? <UpcomingEventsCard headingId="aside-upcoming-events" /> : null}
          {/* Without the directory (guests; the API answers 403): no colleagues card. */}
          {me.abilities.viewDirectory ? <ColleaguesCard excludeId={me.user.id} headingId="aside-colleagues" /> : null}
          <OnlineColleaguesCard headingId="aside-online" />
          <p className="muted small aside-footer">{t('poweredBy')}</p>
        </aside>
      </div>
      <BottomTabs />
      {docked ? (
        <Suspense fallback={null}>
          <ChatDock />
        </Suspense>
      ) : null}
    </div>
  );
}
