import { queryKeys } from '@/lib/query-keys';
/** Query keys of the programs feature, all under one prefix so one invalidation refreshes them. */
export const programKeys = {
  all: ['programs'] as const,
  catalogue: queryKeys.catalogue,
  settings: ['programs', 'settings'] as const,
  majors: (filter: Record<string, unknown>) => ['programs', 'majors', filter] as const,
  courses: (filter: Record<string, unknown>) => ['programs', 'courses', filter] as const,
  projects: (filter: Record<string, unknown>) => ['programs', 'projects', filter] as const,
  project: (id: string) => ['programs', 'project', id] as const,
  resources: (filter: Record<string, unknown>) => ['programs', 'resources', filter] as const,
};
