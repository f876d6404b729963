import type { WorkshopScenario } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** `PATCH /workshops/scenarios/:id { shared }`: share my scenario with all facilitators, or stop sharing it. */
export function useShareScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; shared: boolean }) =>
      api<WorkshopScenario>(`/workshops/scenarios/${encodeURIComponent(input.id)}`, { method: 'PATCH', body: { shared: input.shared } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['workshops', 'scenarios'] }),
  });
}
