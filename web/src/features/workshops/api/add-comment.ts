import type { AddWorkshopComment, WorkshopComment } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

/** `POST /workshops/sessions/:id/comments`: a comment on one message of the transcript. */
export function useAddComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddWorkshopComment) => api<WorkshopComment>(`${sessionPath(id)}/comments`, { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: workshopKeys.report(id) }),
  });
}
