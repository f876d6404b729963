import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session.ts';

export function deleteCompanyLogo() {
  return api<unknown>('/settings/company/logo', { method: 'DELETE' });
}

export function useDeleteCompanyLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCompanyLogo,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.company }),
  });
}
