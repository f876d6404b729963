import type { CreateWorkshopSession, WorkshopSession } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { workshopKeys } from './keys.ts';

/** `POST /workshops/sessions`: a draft session from a scenario, roles assigned by name or at random. */
export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWorkshopSession) => api<WorkshopSession>('/workshops/sessions', { method: 'POST', body: input }),
    onSuccess: (session) => {
      queryClient.setQueryData(workshopKeys.session(session.id), session);
      void queryClient.invalidateQueries({ queryKey: workshopKeys.sessions });
    },
  });
}
