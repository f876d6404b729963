import type { Static } from 'typebox';
import type { WorkshopReport, WorkshopRoundComparison } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionPath, workshopKeys } from './keys.ts';

export type RoundComparison = Static<typeof WorkshopRoundComparison>;

/** `GET /workshops/sessions/:id/report`: scores, response times, injects, escalations and comments (after the end). */
export function useReport(id: string, enabled: boolean) {
  return useQuery({
    queryKey: workshopKeys.report(id),
    queryFn: ({ signal }) => api<WorkshopReport>(`${sessionPath(id)}/report`, { signal }),
    enabled,
  });
}

/** `GET /workshops/sessions/:id/comparison`: this round against the previous one (role swap). */
export function useComparison(id: string, enabled: boolean) {
  return useQuery({
    queryKey: workshopKeys.comparison(id),
    queryFn: ({ signal }) => api<RoundComparison>(`${sessionPath(id)}/comparison`, { signal }),
    enabled,
  });
}
