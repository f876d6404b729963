import type { Facets } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { userKeys } from './keys.ts';

export const userFacetsQueryOptions = queryOptions({
  queryKey: userKeys.facets,
  queryFn: ({ signal }) => api<Facets>('/users/facets', { signal }),
  staleTime: 5 * 60_000,
});

export function useUserFacets() {
  return useQuery(userFacetsQueryOptions);
}
