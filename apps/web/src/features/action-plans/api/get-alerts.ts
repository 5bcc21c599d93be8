import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Alert, Items } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Open alerts the user may see (their unit's, or all for a coordinator); messages come in the UI language. */
export async function getAlerts(planCode: string | undefined): Promise<Alert[]> {
  return (await legacyApi<Items<Alert>>('/api/alerts', { query: { planCode } })).items;
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
