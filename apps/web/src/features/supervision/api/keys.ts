import { queryKeys } from '@/lib/query-keys';

/** Query keys of this feature, all under `queryKeys.supervision` so one invalidation refreshes them. */
export const supervisionKeys = {
  all: queryKeys.supervision,
  dashboard: [...queryKeys.supervision, 'dashboard'] as const,
  inspections: (state?: string) => [...queryKeys.supervision, 'inspections', state ?? null] as const,
  inspection: (id: string) => [...queryKeys.supervision, 'inspection', id] as const,
  findings: (filter: Record<string, string | undefined>) =>
    [...queryKeys.supervision, 'findings', filter] as const,
  orders: (filter: Record<string, string | boolean | undefined>) =>
    [...queryKeys.supervision, 'orders', filter] as const,
  order: (id: string) => [...queryKeys.supervision, 'order', id] as const,
  interviews: (inspectionId: string) => [...queryKeys.supervision, 'interviews', inspectionId] as const,
  sanctions: (year: number) => [...queryKeys.supervision, 'sanctions', year] as const,
  assessment: (year: number) => [...queryKeys.supervision, 'assessment', year] as const,
  publicReports: ['public', 'supervision-reports'] as const,
  publicReport: (id: string) => ['public', 'supervision-reports', id] as const,
};
