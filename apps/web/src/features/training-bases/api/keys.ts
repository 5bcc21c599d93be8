/** Query keys of the training-bases feature, all under one prefix so one invalidation refreshes them. */
export const trainingBaseKeys = {
  all: ['training-bases'] as const,
  bases: (filter: Record<string, unknown>) => ['training-bases', 'bases', filter] as const,
  base: (id: string) => ['training-bases', 'base', id] as const,
  groups: ['training-bases', 'groups'] as const,
  group: (id: string) => ['training-bases', 'group', id] as const,
  units: ['training-bases', 'units'] as const,
  linkable: (groupId: string, programmeId: string) =>
    ['training-bases', 'linkable-enrollment-programs', groupId, programmeId] as const,
};
