import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.ts';

let unauthenticatedHandler: (() => void) | null = null;

/** Called when any request answers 401 (the session ended elsewhere): the app sends the user to /login. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

function handleError(error: unknown) {
  if (isApiError(error, 'unauthenticated')) unauthenticatedHandler?.();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handleError }),
  mutationCache: new MutationCache({ onError: handleError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        // Client errors will not fix themselves by retrying.
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});
