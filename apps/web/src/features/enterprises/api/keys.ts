/** Query keys of the enterprises feature, all under one prefix so one invalidation refreshes them. */
export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (filter: Record<string, unknown>) => ['enterprises', 'list', filter] as const,
  one: (id: string) => ['enterprises', 'one', id] as const,
  unregistered: ['enterprises', 'unregistered-units'] as const,
  duty: (id: string, year: number) => ['enterprises', 'internship-duty', id, year] as const,
  dutyTable: (query: Record<string, unknown>) => ['enterprises', 'duty-table', query] as const,
};
