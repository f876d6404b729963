import type { ExerciseEscalation, StageEntry } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

/** `POST /workshops/sessions/:id/escalations`: an escalation inside the exercise (nobody real is alerted). */
export function useExerciseEscalation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExerciseEscalation) => api<StageEntry>(`${sessionPath(id)}/escalations`, { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: workshopKeys.stage(id) }),
  });
}
