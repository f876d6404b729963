/**
 * Code-based routes. Every page component is a lazy chunk (`lazyRouteComponent`), so the first load
 * carries only React, the router, the query client, i18n and the shell.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, notFound, redirect } from '@tanstack/react-router';
import { Spinner } from '../components/ui/spinner.tsx';
import { groupQueryOptions } from '../features/groups/api/get-group.ts';
import { isApiError } from '../lib/api-client.ts';
import { loadNamespaces } from '../lib/i18n.ts';
import { meQueryOptions, setupStatusQueryOptions } from '../lib/session.ts';
import { PublicLayout } from './layout/public-layout.tsx';
import { NotFoundPage, RootErrorPage } from './pages/status-pages.tsx';
import { RootLayout } from './root-layout.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  errorComponent: RootErrorPage,
  notFoundComponent: NotFoundPage,
  beforeLoad: async ({ context, location }) => {
    const setup = await context.queryClient.ensureQueryData(setupStatusQueryOptions);
    if (setup.needed && location.pathname !== '/setup') throw redirect({ to: '/setup' });
    if (!setup.needed && location.pathname === '/setup') throw redirect({ to: '/' });
  },
});

// ---------------------------------------------------------------- public pages (no login needed)

const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: '_public', component: PublicLayout });

/** Logged-in people who open /login go home instead. */
async function redirectIfLoggedIn({ context }: { context: RouterContext }) {
  const me = await context.queryClient.ensureQueryData(meQueryOptions);
  if (me) throw redirect({ to: '/' });
}

const setupRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/setup',
  loader: () => loadNamespaces('auth'),
  component: lazyRouteComponent(() => import('../features/auth/components/setup-page.tsx'), 'SetupPage'),
});

const loginRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string; reset?: boolean } => ({
    redirect: str(search.redirect),
    reset: search.reset === true || search.reset === 'true' ? true : undefined,
  }),
  beforeLoad: redirectIfLoggedIn,
  loader: () => loadNamespaces('auth'),
  component: lazyRouteComponent(() => import('../features/auth/components/login-page.tsx'), 'LoginPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/forgot-password',
  loader: () => loadNamespaces('auth'),
  component: lazyRouteComponent(() => import('../features/auth/components/forgot-password-page.tsx'), 'ForgotPasswordPage'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/reset-password/$token',
  loader: () => loadNamespaces('auth'),
  component: lazyRouteComponent(() => import('../features/auth/components/reset-password-page.tsx'), 'ResetPasswordPage'),
});

const inviteRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/invite/$token',
  loader: () => loadNamespaces('auth'),
  component: lazyRouteComponent(() => import('../features/invitations/components/accept-invitation-page.tsx'), 'AcceptInvitationPage'),
});

// ---------------------------------------------------------------- the app (login required)

const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { me };
  },
  loader: () => loadNamespaces('people', 'home', 'groups', 'dock', 'feed', 'notifications', 'events', 'escalation'),
  component: lazyRouteComponent(() => import('./layout/app-shell.tsx'), 'AppShell'),
});

/** Without the directory ability (guests) the directory and the org chart do not exist. */
function guestsNotFound({ context }: { context: { me: { abilities: { viewDirectory: boolean } } } }) {
  if (!context.me.abilities.viewDirectory) throw notFound();
}

const homeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/home-route.tsx'), 'HomeRoute'),
});

const peopleRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/people',
  beforeLoad: guestsNotFound,
  validateSearch: (search: Record<string, unknown>): { q?: string; department?: string; location?: string } => ({
    q: str(search.q),
    department: str(search.department),
    location: str(search.location),
  }),
  component: lazyRouteComponent(() => import('../features/people/components/directory-page.tsx'), 'DirectoryPage'),
});

const orgChartRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/people/org-chart',
  beforeLoad: guestsNotFound,
  validateSearch: (search: Record<string, unknown>): { managerId?: string } => ({ managerId: str(search.managerId) }),
  component: lazyRouteComponent(() => import('../features/people/components/org-chart-page.tsx'), 'OrgChartPage'),
});

const profileRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/people/$id',
  validateSearch: (search: Record<string, unknown>): { welcome?: boolean } => ({
    welcome: search.welcome === true || search.welcome === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('./pages/profile-route.tsx'), 'ProfileRoute'),
});

const hashtagRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/hashtags/$tag',
  component: lazyRouteComponent(() => import('../features/feed/components/feeds.tsx'), 'HashtagPage'),
});

const savedRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/saved',
  component: lazyRouteComponent(() => import('../features/feed/components/feeds.tsx'), 'SavedPage'),
});

const postRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/posts/$postId',
  component: lazyRouteComponent(() => import('../features/feed/components/feeds.tsx'), 'PostPage'),
});

const eventsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/events',
  validateSearch: (search: Record<string, unknown>): { view?: 'calendar' | 'mine'; month?: string } => ({
    view: search.view === 'calendar' || search.view === 'mine' ? search.view : undefined,
    month: typeof search.month === 'string' && /^\d{4}-\d{2}$/.test(search.month) ? search.month : undefined,
  }),
  loader: () => loadNamespaces('events'),
  component: lazyRouteComponent(() => import('../features/events/components/events-page.tsx'), 'EventsPage'),
});

const eventRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/events/$eventId',
  validateSearch: (search: Record<string, unknown>): { occurrence?: string } => ({ occurrence: str(search.occurrence) }),
  loader: () => loadNamespaces('events'),
  component: lazyRouteComponent(() => import('./pages/event-route.tsx'), 'EventRoute'),
});

/** The escalation directory ("Wer ist zuständig?"): not for guests, like the people directory. */
const escalationRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/escalation',
  beforeLoad: guestsNotFound,
  validateSearch: (search: Record<string, unknown>): { q?: string; archived?: boolean } => ({
    q: str(search.q),
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  }),
  loader: () => loadNamespaces('escalation'),
  component: lazyRouteComponent(() => import('../features/escalation/components/directory-page.tsx'), 'DirectoryPage'),
});

const escalationTopicRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/escalation/topics/$topicId',
  beforeLoad: guestsNotFound,
  loader: () => loadNamespaces('escalation'),
  component: lazyRouteComponent(() => import('../features/escalation/components/topic-page.tsx'), 'TopicPage'),
});

const escalationCaseRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/escalations/$escalationId',
  loader: () => loadNamespaces('escalation'),
  component: lazyRouteComponent(() => import('../features/escalation/components/escalation-page.tsx'), 'EscalationPage'),
});

const escalationSettingsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/escalation/settings',
  beforeLoad: ({ context }) => {
    // Holidays and editors are the admins' (the API answers 403 to anyone else).
    if (!context.me.abilities.administer) throw notFound();
  },
  loader: () => loadNamespaces('escalation'),
  component: lazyRouteComponent(() => import('../features/escalation/components/directory-settings-page.tsx'), 'DirectorySettingsPage'),
});

/** Role-play workshops: the library and my sessions, and one session (practice stage, evaluation). */
const workshopsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/workshops',
  loader: () => loadNamespaces('workshops'),
  component: lazyRouteComponent(() => import('../features/workshops/components/workshops-page.tsx'), 'WorkshopsPage'),
});

const workshopSessionRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/workshops/sessions/$sessionId',
  loader: () => loadNamespaces('workshops', 'escalation'),
  component: lazyRouteComponent(() => import('../features/workshops/components/session-page.tsx'), 'SessionPage'),
});

const groupsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/groups',
  validateSearch: (search: Record<string, unknown>): { filter?: 'suggested' | 'all'; q?: string } => ({
    filter: search.filter === 'suggested' || search.filter === 'all' ? search.filter : undefined,
    q: str(search.q),
  }),
  component: lazyRouteComponent(() => import('../features/groups/components/groups-directory-page.tsx'), 'GroupsDirectoryPage'),
});

const createGroupRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/groups/new',
  beforeLoad: ({ context }) => {
    // Not allowed to create groups: answer like a page that does not exist.
    if (!context.me.abilities.createGroups) throw notFound();
  },
  component: lazyRouteComponent(() => import('../features/groups/components/create-group-page.tsx'), 'CreateGroupPage'),
});

const groupRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/groups/$groupId',
  loader: async ({ context, params }) => {
    try {
      await context.queryClient.ensureQueryData(groupQueryOptions(params.groupId));
    } catch (error) {
      // A secret group you may not see answers 404 like one that does not exist: the same not-found page.
      if (isApiError(error, 'not_found')) throw notFound();
      throw error;
    }
  },
  component: lazyRouteComponent(() => import('../features/groups/components/group-layout.tsx'), 'GroupLayout'),
});

const groupDiscussionRoute = createRoute({
  getParentRoute: () => groupRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/group-discussion-route.tsx'), 'GroupDiscussionRoute'),
});

const groupMembersRoute = createRoute({
  getParentRoute: () => groupRoute,
  path: '/members',
  component: lazyRouteComponent(() => import('../features/groups/components/members-tab.tsx'), 'MembersTab'),
});

const groupAboutRoute = createRoute({
  getParentRoute: () => groupRoute,
  path: '/about',
  component: lazyRouteComponent(() => import('../features/groups/components/about-tab.tsx'), 'AboutTab'),
});

const groupSettingsRoute = createRoute({
  getParentRoute: () => groupRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('../features/groups/components/settings-tab.tsx'), 'SettingsTab'),
});

const chatRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/chat',
  loader: () => loadNamespaces('chat'),
  component: lazyRouteComponent(() => import('../features/chat/components/chat-page.tsx'), 'ChatPage'),
});

const chatIndexRoute = createRoute({
  getParentRoute: () => chatRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/chat/components/chat-page.tsx'), 'ChatEmpty'),
});

const conversationRoute = createRoute({
  getParentRoute: () => chatRoute,
  path: '/$conversationId',
  component: lazyRouteComponent(() => import('../features/chat/components/conversation-view.tsx'), 'ConversationView'),
});

const notificationsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/notifications',
  loader: () => loadNamespaces('notifications'),
  component: lazyRouteComponent(() => import('../features/notifications/components/notifications-page.tsx'), 'NotificationsPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/settings',
  loader: () => loadNamespaces('settings', 'auth', 'notifications'),
  component: lazyRouteComponent(() => import('./pages/settings-route.tsx'), 'SettingsRoute'),
});

const adminRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin',
  beforeLoad: ({ context }) => {
    // Not an admin: answer like a page that does not exist.
    if (!context.me.abilities.administer) throw notFound();
  },
  loader: () => loadNamespaces('admin'),
  component: lazyRouteComponent(() => import('./pages/admin-layout.tsx'), 'AdminLayout'),
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/users', replace: true });
  },
});

const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('../features/people/components/users-admin-tab.tsx'), 'UsersAdminTab'),
});

const adminInvitationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/invitations',
  component: lazyRouteComponent(() => import('../features/invitations/components/invitations-admin-tab.tsx'), 'InvitationsAdminTab'),
});

const adminMailRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/mail',
  component: lazyRouteComponent(() => import('../features/mail-outbox/components/mail-outbox-tab.tsx'), 'MailOutboxTab'),
});

const adminReportsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/reports',
  component: lazyRouteComponent(() => import('../features/moderation/components/reports-admin-tab.tsx'), 'ReportsAdminTab'),
});

const adminCompanyRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/company',
  component: lazyRouteComponent(() => import('../features/company/components/company-settings-tab.tsx'), 'CompanySettingsTab'),
});

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([setupRoute, loginRoute, forgotPasswordRoute, resetPasswordRoute, inviteRoute]),
  appLayout.addChildren([
    homeRoute,
    peopleRoute,
    orgChartRoute,
    profileRoute,
    hashtagRoute,
    savedRoute,
    postRoute,
    eventsRoute,
    eventRoute,
    escalationRoute,
    escalationTopicRoute,
    escalationCaseRoute,
    escalationSettingsRoute,
    workshopsRoute,
    workshopSessionRoute,
    groupsRoute,
    createGroupRoute,
    groupRoute.addChildren([groupDiscussionRoute, groupMembersRoute, groupAboutRoute, groupSettingsRoute]),
    chatRoute.addChildren([chatIndexRoute, conversationRoute]),
    notificationsRoute,
    settingsRoute,
    adminRoute.addChildren([adminIndexRoute, adminUsersRoute, adminInvitationsRoute, adminMailRoute, adminReportsRoute, adminCompanyRoute]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data lives in TanStack Query; the router should not cache loader results on top.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <Spinner />,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
