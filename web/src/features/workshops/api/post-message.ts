import type { PostStageMessage, StageEntry } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

/** `POST /workshops/sessions/:id/stage/messages`: a comment, a reply or a direct message, in my role. */
export function usePostMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PostStageMessage) => api<StageEntry>(`${sessionPath(id)}/stage/messages`, { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: workshopKeys.stage(id) }),
  });
}
