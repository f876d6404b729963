import './app/styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppRouter } from './app/router.tsx';
import { browserLocale, detectLocale, initI18n } from './lib/i18n.ts';
import { onUnauthenticated, queryClient } from './lib/query-client.ts';
import { companyQueryOptions, meQueryOptions, sessionKeys, setupStatusQueryOptions } from './lib/session.ts';
import { applyAccent, applyStoredTheme } from './lib/theme.ts';

applyStoredTheme();

// Start every first-load request at once; the router's guards then find them cached.
const company = queryClient.fetchQuery(companyQueryOptions).catch(() => null);
void queryClient.prefetchQuery(setupStatusQueryOptions);
void queryClient.prefetchQuery(meQueryOptions);

async function start() {
  const guess = browserLocale();
  // Only wait for the company's default language when the browser offers neither German nor English.
  const settings = guess ? null : await company;
  await initI18n(detectLocale(settings?.defaultLocale));
  void company.then((c) => applyAccent(c?.accentColor));

  const router = createAppRouter(queryClient);
  onUnauthenticated(() => {
    queryClient.setQueryData(sessionKeys.me, null);
    const { pathname, href } = router.state.location;
    if (pathname !== '/login') void router.navigate({ to: '/login', search: { redirect: href } });
  });

  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
