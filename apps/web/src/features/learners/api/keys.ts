/** Query keys of the learners feature, all under one prefix so one invalidation refreshes them. */
export const learnerKeys = {
  all: ['learners'] as const,
  list: (filter: Record<string, unknown>) => ['learners', 'list', filter] as const,
  one: (id: string) => ['learners', 'one', id] as const,
  seasons: ['learners', 'enrollment-seasons'] as const,
  samePerson: (id: string) => ['learners', 'same-person', id] as const,
  classes: (schoolId: string | null) => ['learners', 'classes', schoolId] as const,
  destination: (id: string) => ['learners', 'destination', id] as const,
  destinations: (query: Record<string, unknown>) => ['learners', 'destinations', query] as const,
  recognitionCheck: (id: string) => ['learners', 'recognition-check', id] as const,
  outcomes: (id: string) => ['learners', 'outcomes', id] as const,
  account: (id: string) => ['learners', 'credit-account', id] as const,
  transcript: (id: string) => ['learners', 'transcript', id] as const,
  outcomeList: (query: Record<string, unknown>) => ['learners', 'outcome-list', query] as const,
  onePlusX: (year: number) => ['learners', 'one-plus-x', year] as const,
  catalogues: (year: number) => ['learners', 'outcome-catalogues', year] as const,
};
