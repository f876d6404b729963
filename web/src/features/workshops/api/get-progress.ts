import type { Static } from 'typebox';
import type { WorkshopProgress } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { workshopKeys } from './keys.ts';

export type Progress = Static<typeof WorkshopProgress>;

/** `GET /workshops/progress`: my own scores per rubric criterion over time (nobody else's). */
export function useProgress() {
  return useQuery({ queryKey: workshopKeys.progress, queryFn: ({ signal }) => api<Progress>('/workshops/progress', { signal }) });
}
