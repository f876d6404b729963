import type { WorkshopSessionSummary } from '@innenhof/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { workshopKeys } from './keys.ts';

/** `GET /workshops/sessions`: my sessions, as facilitator or participant (newest first). */
export function useMySessions() {
  return useQuery({
    queryKey: workshopKeys.sessionList(null),
    queryFn: ({ signal }) =>
      api<{ simulation: true; items: WorkshopSessionSummary[]; nextCursor: string | null }>('/workshops/sessions', { query: { limit: 100 }, signal }),
  });
}
