import type { OrgChart } from '@innenhof/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { userKeys } from './keys.ts';

export const orgChartQueryOptions = (managerId: string | null) =>
  queryOptions({
    queryKey: userKeys.orgChart(managerId),
    queryFn: ({ signal }) => api<OrgChart>('/org-chart', { query: { managerId }, signal }),
  });

export function useOrgChart(managerId: string | null, enabled = true) {
  return useQuery({ ...orgChartQueryOptions(managerId), enabled });
}
