import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export interface InvitationPreview {
  email: string;
  companyName: string;
  invitedBy: string | null;
  /** Guest invitations: the group the guest will see. */
  groupName: string | null;
  /** The role of the account to be created (`guest` for external people). */
  role: string;
}

export const invitationPreviewQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['invitations', 'preview', token],
    queryFn: ({ signal }) => api<InvitationPreview>('/invitations/preview', { query: { token }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useInvitationPreview(token: string) {
  return useQuery(invitationPreviewQueryOptions(token));
}
