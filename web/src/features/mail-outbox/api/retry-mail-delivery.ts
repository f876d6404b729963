import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { outboxKey } from './list-outbox-mail.ts';

export function retryMailDelivery(id: string) {
  return api<null>(`/admin/mail/deliveries/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

/** Sends a failed mail again; afterwards the deliveries (and the outbox, where it may land) are refetched. */
export function useRetryMailDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryMailDelivery,
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });
}
