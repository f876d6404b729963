import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { reportsKey } from './list-reports.ts';

export type ReportAction = 'hide' | 'keep';

export function resolveReport({ id, action }: { id: string; action: ReportAction }) {
  return api<null>(`/admin/reports/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: { action } });
}

/** Resolving one report resolves every open report of the same post, so all report lists are refetched. */
export function useResolveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveReport,
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
}
