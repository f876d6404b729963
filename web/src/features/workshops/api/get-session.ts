import type { WorkshopSession } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

/** `GET /workshops/sessions/:id`: the session as I may see it (my briefing only; all briefings for the facilitator). */
export function useSession(id: string) {
  return useQuery({
    queryKey: workshopKeys.session(id),
    queryFn: ({ signal }) => api<WorkshopSession>(sessionPath(id), { signal }),
  });
}
