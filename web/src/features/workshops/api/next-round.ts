import type { WorkshopSession } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

/** `POST /workshops/sessions/:id/rounds`: swap roles and play again (a new draft round). */
export function useNextRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<WorkshopSession>(`${sessionPath(id)}/rounds`, { method: 'POST' }),
    onSuccess: (session) => {
      queryClient.setQueryData(workshopKeys.session(session.id), session);
      void queryClient.invalidateQueries({ queryKey: workshopKeys.sessions });
    },
  });
}
