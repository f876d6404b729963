import type { SendInject, StageEntry } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

/** `POST /workshops/sessions/:id/injects`: one of the scenario's injects, or a free one (the facilitator). */
export function useSendInject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendInject) => api<StageEntry>(`${sessionPath(id)}/injects`, { method: 'POST', body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workshopKeys.stage(id) });
      void queryClient.invalidateQueries({ queryKey: workshopKeys.session(id) });
    },
  });
}
