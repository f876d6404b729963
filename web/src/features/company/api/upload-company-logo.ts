import type { CompanySettings } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session.ts';

export function uploadCompanyLogo(file: File | Blob) {
  const body = new FormData();
  body.append('file', file);
  return api<CompanySettings>('/settings/company/logo', { method: 'PUT', body });
}

export function useUploadCompanyLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadCompanyLogo,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.company }),
  });
}
