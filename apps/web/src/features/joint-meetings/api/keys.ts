import { queryKeys } from '@/lib/query-keys';

/** Query keys of this feature: everything under `meetings` (action items included). */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: ['meetings', 'list'] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  items: (filter: object) => ['meetings', 'action-items', filter] as const,
  item: (id: string) => ['meetings', 'action-item', id] as const,
  units: queryKeys.orgUnits,
};
