import type { WorkshopLanguage, WorkshopScenario } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { workshopKeys } from './keys.ts';

/** `GET /workshops/scenarios?language=`: the built-in scenarios in that language, then the custom ones I may use. */
export function useScenarios(language: WorkshopLanguage) {
  return useQuery({
    queryKey: workshopKeys.scenarios(language),
    queryFn: ({ signal }) => api<{ items: WorkshopScenario[]; nextCursor: string | null }>('/workshops/scenarios', { query: { language, limit: 100 }, signal }),
  });
}
