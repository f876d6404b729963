import type { PostReport, ReportStatus } from '@innenhof/contract';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export type { PostReport, ReportStatus } from '@innenhof/contract';
export const reportStatuses = ['open', 'kept', 'hidden'] as const satisfies readonly ReportStatus[];

export const reportsKey = ['admin', 'reports'] as const;

export function reportsQueryOptions(status: ReportStatus) {
  return infiniteQueryOptions({
    queryKey: [...reportsKey, status],
    queryFn: ({ pageParam, signal }) =>
      api<{ items: PostReport[]; nextCursor: string | null }>('/admin/reports', {
        query: { status, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 5_000,
  });
}

export function useReports(status: ReportStatus) {
  return useInfiniteQuery(reportsQueryOptions(status));
}
