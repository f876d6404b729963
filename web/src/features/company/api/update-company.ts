import type { CompanySettings, UpdateCompanySettings } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session.ts';

export function updateCompany(body: UpdateCompanySettings) {
  return api<CompanySettings>('/settings/company', { method: 'PATCH', body });
}

export function useUpdateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCompany,
    onSuccess: async (company) => {
      if (company && typeof company === 'object' && 'companyName' in company) {
        queryClient.setQueryData(sessionKeys.company, company);
      }
      await queryClient.invalidateQueries({ queryKey: sessionKeys.company });
    },
  });
}
