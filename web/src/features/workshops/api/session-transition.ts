import type { WorkshopSession } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

export type SessionTransition = 'start' | 'pause' | 'resume' | 'end';

/** `POST /workshops/sessions/:id/{start|pause|resume|end}` (the facilitator). */
export function useSessionTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: SessionTransition) => api<WorkshopSession>(`${sessionPath(id)}/${change}`, { method: 'POST' }),
    onSuccess: (session) => {
      queryClient.setQueryData(workshopKeys.session(id), session);
      void queryClient.invalidateQueries({ queryKey: workshopKeys.all });
    },
  });
}
