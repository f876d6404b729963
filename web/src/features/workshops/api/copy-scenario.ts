import type { WorkshopLanguage, WorkshopScenario } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** `POST /workshops/scenarios` with `copyFrom`: my own copy of a scenario (built-in or shared), not shared yet. */
export function useCopyScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { copyFrom: string; language: WorkshopLanguage }) =>
      api<WorkshopScenario>('/workshops/scenarios', { method: 'POST', body: { copyFrom: input.copyFrom, language: input.language } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['workshops', 'scenarios'] }),
  });
}
