/** Query keys of the internships feature, all under one prefix so one invalidation refreshes them. */
export const internshipKeys = {
  all: ['internships'] as const,
  posts: (filter: Record<string, unknown>) => ['internships', 'posts', filter] as const,
  post: (id: string) => ['internships', 'post', id] as const,
  placements: (filter: Record<string, unknown>) => ['internships', 'placements', filter] as const,
  placement: (id: string) => ['internships', 'placement', id] as const,
  attendance: (id: string) => ['internships', 'attendance', id] as const,
};
