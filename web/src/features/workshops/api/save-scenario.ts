import type { ScenarioDefinition, WorkshopLanguage, WorkshopScenario } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export interface SaveScenarioInput {
  /** Absent: a new custom scenario (`POST`); present: replace my scenario's definition (`PATCH`). */
  id?: string;
  language: WorkshopLanguage;
  shared: boolean;
  definition: ScenarioDefinition;
}

/** `POST /workshops/scenarios` or `PATCH /workshops/scenarios/:id` with a whole definition (the scenario editor). */
export function useSaveScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SaveScenarioInput) =>
      id
        ? api<WorkshopScenario>(`/workshops/scenarios/${encodeURIComponent(id)}`, { method: 'PATCH', body })
        : api<WorkshopScenario>('/workshops/scenarios', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['workshops', 'scenarios'] }),
  });
}
