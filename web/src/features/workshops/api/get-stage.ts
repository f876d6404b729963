import type { WorkshopStage } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

/** `GET /workshops/sessions/:id/stage`: the brand post and the transcript as I may see it. */
export function useStage(id: string, enabled: boolean) {
  return useQuery({
    queryKey: workshopKeys.stage(id),
    queryFn: ({ signal }) => api<WorkshopStage>(`${sessionPath(id)}/stage`, { signal }),
    enabled,
  });
}
