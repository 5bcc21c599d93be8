import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Alert } from '../types';

/** Open alerts the user may see (their unit's, or all for a coordinator); messages come in the UI language. */
export async function getAlerts(planCode: string | undefined): Promise<Alert[]> {
  return (await api.get('/api/alerts', { query: { planCode } })).items;
}

/** Alerts, refreshed every five minutes so the header badge stays roughly current. */
export function useAlerts(planCode: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.alerts(planCode),
    queryFn: () => getAlerts(planCode),
    enabled: options.enabled ?? true,
    refetchInterval: 5 * 60_000,
  });
}
