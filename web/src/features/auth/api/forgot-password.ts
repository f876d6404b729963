import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export function forgotPassword(email: string) {
  return api<unknown>('/auth/password/forgot', { method: 'POST', body: { email } });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
