import type { Static } from 'typebox';
import type { MyWorkshopScores, SetWorkshopScores } from '@innenhof/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

export type MyScores = Static<typeof MyWorkshopScores>;

/** `GET /workshops/sessions/:id/scores`: the scores I gave. */
export function useMyScores(id: string, enabled: boolean) {
  return useQuery({
    queryKey: workshopKeys.myScores(id),
    queryFn: ({ signal }) => api<MyScores>(`${sessionPath(id)}/scores`, { signal }),
    enabled,
  });
}

/** `PUT /workshops/sessions/:id/scores`: my scores for one role (facilitator, self-assessment or peer). */
export function useSetScores(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetWorkshopScores) => api<MyScores>(`${sessionPath(id)}/scores`, { method: 'PUT', body: input }),
    onSuccess: (scores) => {
      queryClient.setQueryData(workshopKeys.myScores(id), scores);
      void queryClient.invalidateQueries({ queryKey: workshopKeys.report(id) });
      void queryClient.invalidateQueries({ queryKey: workshopKeys.progress });
    },
  });
}
