/** Query keys of this feature: the editors' under `consultations`, the portal's under `public-consultations`. */
export const consultationKeys = {
  all: ['consultations'] as const,
  list: ['consultations', 'list'] as const,
  candidates: ['consultations', 'candidates'] as const,
  one: (id: string) => ['consultations', id] as const,
  diff: (id: string, to: string | undefined) => ['consultations', id, 'diff', to ?? ''] as const,
  versions: (id: string) => ['consultations', id, 'versions'] as const,
  publicList: ['public-consultations'] as const,
  publicOne: (id: string) => ['public-consultations', id] as const,
  publicSummary: (id: string, lang: string) => ['public-consultations', id, 'summary', lang] as const,
};
