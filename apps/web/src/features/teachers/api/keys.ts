import { queryKeys } from '@/lib/query-keys';
/** Query keys of the teachers feature, all under one prefix so one invalidation refreshes them. */
export const teacherKeys = {
  all: ['teachers'] as const,
  list: (filter: Record<string, unknown>) => ['teachers', 'list', filter] as const,
  one: (id: string) => ['teachers', 'one', id] as const,
  applications: (filter: Record<string, unknown>) => ['teachers', 'applications', filter] as const,
  application: (id: string) => ['teachers', 'application', id] as const,
  ratio: (date: string | undefined) => ['teachers', 'ratio', date ?? null] as const,
  ratioTeachers: (orgUnitId: string, date: string | undefined) =>
    ['teachers', 'ratio-teachers', orgUnitId, date ?? null] as const,
  settings: queryKeys.dqSettings,
  hires: ['teachers', 'hires'] as const,
};
