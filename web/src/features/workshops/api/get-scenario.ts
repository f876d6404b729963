import type { WorkshopLanguage, WorkshopScenario } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { workshopKeys } from './keys.ts';

/** `GET /workshops/scenarios/:id`: one scenario; for its author with the secret briefings (lists never carry them). */
export function useScenario(id: string | null, language: WorkshopLanguage) {
  return useQuery({
    queryKey: workshopKeys.scenario(id ?? '', language),
    queryFn: ({ signal }) => api<WorkshopScenario>(`/workshops/scenarios/${encodeURIComponent(id ?? '')}`, { query: { language }, signal }),
    enabled: id !== null,
    // The editor starts from what is saved now.
    staleTime: 0,
  });
}
