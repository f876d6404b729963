import type { Setup, UserProfile } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { startSession } from '../../../lib/session.ts';

export function runSetup(body: Setup) {
  return api<{ user: UserProfile; csrfToken: string }>('/setup', { method: 'POST', body });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Setup) => startSession(queryClient, await runSetup(body)),
  });
}
